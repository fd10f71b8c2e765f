// Every page is rendered on the server and works without JavaScript; none needs client code.
export const csr = false;
