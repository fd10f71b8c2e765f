// Read-only pages rendered on the server; none needs client code yet.
export const csr = false;
