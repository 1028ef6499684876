-- API keys and the audit log.
--
-- A key's secret is 32 random bytes shown to its creator once; only its SHA-256 is kept (a fast hash is enough for
-- a secret of that entropy: there is no dictionary to try). `secret_prefix` is the secret's first characters, so that
-- an operator can tell keys apart in a list without the secret.

create table api_key (
    id            uuid primary key,
    name          text        not null,
    role          text        not null check (role in ('previewer', 'editor', 'admin')),
    secret_hash   bytea       not null unique,
    secret_prefix text        not null,
    created_at    timestamptz not null,
    created_by    text        not null,
    expires_at    timestamptz,
    revoked_at    timestamptz
);

-- Every write request, whatever its outcome: who, when, what, from where.
create table audit (
    position bigint generated always as identity primary key,
    at       timestamptz not null,
    actor    text        not null,
    key_id   uuid,
    role     text,
    method   text        not null,
    path     text        not null,
    status   integer     not null,
    client   text        not null
);
create index audit_actor on audit (actor, position);
