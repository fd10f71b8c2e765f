import {
  Cursor,
  Email,
  maxText,
  Role,
  requiredText,
  Slug,
  Timestamp,
  TokenScope,
} from '@klimakommuner/domain';
import { Schema } from 'effect';
import { Id, Limit, standard, Version } from '../content/inputs.ts';

/** A password as typed; its rules (12–256 code points, not common) are the domain's. */
const Password = maxText(4096);

export const SignIn = standard(Schema.Struct({ email: maxText(320), password: Password }));

export const ChangePassword = standard(
  Schema.Struct({ currentPassword: Password, newPassword: Password }),
);

const Roles = Schema.Array(Role).check(
  Schema.isMaxLength(50, { message: 'Kan ikke ha mer enn 50 roller.' }),
);

export const CreateUser = standard(
  Schema.Struct({ email: Email, name: requiredText(200), password: Password, roles: Roles }),
);

export const SetRoles = standard(Schema.Struct({ id: Id, roles: Roles, version: Version }));

export const ByIdVersion = standard(Schema.Struct({ id: Id, version: Version }));

export const CreateToken = standard(
  Schema.Struct({ name: requiredText(100), organisation: Slug, scope: TokenScope }),
);

export const AuditHistory = standard(
  Schema.Struct({ recordType: requiredText(50), recordId: requiredText(200) }),
);

export const AuditList = standard(
  Schema.UndefinedOr(
    Schema.Struct({
      actor: Schema.optionalKey(maxText(100)),
      actorName: Schema.optionalKey(maxText(100)),
      organisation: Schema.optionalKey(Slug),
      recordType: Schema.optionalKey(maxText(50)),
      action: Schema.optionalKey(maxText(100)),
      from: Schema.optionalKey(Timestamp),
      to: Schema.optionalKey(Timestamp),
      limit: Schema.optionalKey(Limit),
      cursor: Schema.optionalKey(Cursor),
    }),
  ),
);
