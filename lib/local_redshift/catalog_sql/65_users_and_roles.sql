-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).
-- The cluster's users, groups and roles, each a role of its own PostgreSQL server: a user logs in (CREATE USER),
-- a group does not (CREATE GROUP), and a role is a group marked 'redshift:role' (translation/roles.py, CREATE ROLE).
-- The server's superuser and PostgreSQL's pg_ roles are none of them.

-- Whether a role of the server is one of the cluster's: a user, group or role.
CREATE OR REPLACE FUNCTION redshift_system.is_identity(role oid) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT role <> 10 AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.oid = role AND r.rolname ~ '^pg_')
$$;

-- Whether a role is the master user (the database's owner): a member of every role and group it made (PostgreSQL's
-- createrole_self_grant), memberships the catalog does not list.
CREATE OR REPLACE FUNCTION redshift_system.is_master(role oid) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT role = (SELECT d.datdba FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database())
$$;

CREATE OR REPLACE FUNCTION redshift_system.is_rbac_role(role oid) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT coalesce(pg_catalog.shobj_description(role, 'pg_authid') = 'redshift:role', false)
$$;

-- PG_USER_INFO (r_CREATE_USER.html's example): PG_USER and each user's connection limit.
CREATE OR REPLACE VIEW redshift_system.pg_user_info AS
SELECT u.*, CASE WHEN r.rolconnlimit < 0 THEN 'UNLIMITED' ELSE r.rolconnlimit::text END AS useconnlimit
FROM redshift_system.pg_user u JOIN pg_catalog.pg_roles r ON r.oid = u.usesysid;

-- PG_GROUP: the groups, with the user ids of their members.
CREATE OR REPLACE VIEW redshift_system.pg_group AS
SELECT g.rolname AS groname, g.oid::integer AS grosysid,
       ARRAY(SELECT m.member::integer FROM pg_catalog.pg_auth_members m
             WHERE m.roleid = g.oid AND NOT redshift_system.is_master(m.member) ORDER BY m.member) AS grolist
FROM pg_catalog.pg_roles g
WHERE NOT g.rolcanlogin AND redshift_system.is_identity(g.oid) AND NOT redshift_system.is_rbac_role(g.oid);

-- SVV_USER_INFO: the users; a superuser sees every one, any other user itself (the page's visibility).
CREATE OR REPLACE VIEW redshift_system.svv_user_info AS
SELECT r.rolname::text AS user_name, r.oid::integer AS user_id, r.rolcreatedb AS createdb,
       redshift_system.is_superuser(r.rolname) AS superuser, redshift_system.is_superuser(r.rolname) AS catalog_update,
       CASE WHEN r.rolconnlimit < 0 THEN 'UNLIMITED' ELSE r.rolconnlimit::text END AS connection_limit,
       CASE WHEN redshift_system.is_superuser(r.rolname) THEN 'UNRESTRICTED' ELSE 'RESTRICTED' END AS syslog_access,
       NULL::timestamp AS last_ddl_timestamp,
       coalesce((SELECT substring(setting FROM '^idle_session_timeout=(\d+)s$')::integer
                 FROM unnest(r.rolconfig) AS setting WHERE setting LIKE 'idle_session_timeout=%'), 0) AS session_timeout,
       NULL::text AS external_user_id
FROM pg_catalog.pg_roles r
WHERE r.rolcanlogin AND redshift_system.is_identity(r.oid)
  AND (r.rolname = session_user OR redshift_system.is_superuser(session_user));

-- SVV_ROLES: the roles (CREATE ROLE), owned by the master user, who made them.
CREATE OR REPLACE VIEW redshift_system.svv_roles AS
SELECT r.oid::integer AS role_id, r.rolname::text AS role_name,
       (SELECT pg_catalog.pg_get_userbyid(d.datdba)::text FROM pg_catalog.pg_database d
        WHERE d.datname = pg_catalog.current_database()) AS role_owner,
       NULL::text AS external_id
FROM pg_catalog.pg_roles r
WHERE redshift_system.is_rbac_role(r.oid);

-- SVV_USER_GRANTS: the roles granted to users; a superuser sees every grant, any other user its own.
CREATE OR REPLACE VIEW redshift_system.svv_user_grants AS
SELECT u.oid::integer AS user_id, u.rolname::text AS user_name, r.oid::integer AS role_id,
       r.rolname::text AS role_name, m.admin_option
FROM pg_catalog.pg_auth_members m
JOIN pg_catalog.pg_roles u ON u.oid = m.member
JOIN pg_catalog.pg_roles r ON r.oid = m.roleid
WHERE u.rolcanlogin AND redshift_system.is_rbac_role(r.oid) AND NOT redshift_system.is_master(u.oid)
  AND (u.rolname = session_user OR redshift_system.is_superuser(session_user));

-- The kind of identity a privilege is granted to, as the SVV_*_PRIVILEGES views name it (0: PUBLIC).
CREATE OR REPLACE FUNCTION redshift_system.identity_type(role oid) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN role = 0 THEN 'public'
                WHEN (SELECT r.rolcanlogin FROM pg_catalog.pg_roles r WHERE r.oid = role) THEN 'user'
                WHEN redshift_system.is_rbac_role(role) THEN 'role'
                ELSE 'group' END
$$;

-- Whether the session may see a privilege of `role` (the pages' visibility): a superuser every one, any other
-- user those of PUBLIC and of the identities it is or belongs to.
CREATE OR REPLACE FUNCTION redshift_system.sees_identity(role oid) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT role = 0 OR redshift_system.is_superuser(session_user) OR pg_catalog.pg_has_role(session_user, role, 'USAGE')
$$;

-- SVV_RELATION_PRIVILEGES: the privileges explicitly granted on tables and views (not their owners' own).
CREATE OR REPLACE VIEW redshift_system.svv_relation_privileges AS
SELECT n.nspname::text AS namespace_name, c.relname::text AS relation_name, a.privilege_type::text AS privilege_type,
       a.grantee::integer AS identity_id,
       CASE WHEN a.grantee = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(a.grantee)::text END AS identity_name,
       redshift_system.identity_type(a.grantee) AS identity_type,
       a.is_grantable AND redshift_system.identity_type(a.grantee) = 'user' AS admin_option
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL pg_catalog.aclexplode(c.relacl) a
WHERE c.relkind IN ('r', 'p', 'v', 'm') AND a.grantee <> c.relowner
  AND a.privilege_type IN ('INSERT', 'SELECT', 'UPDATE', 'DELETE', 'REFERENCES')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'redshift_system', 'pg_toast')
  AND redshift_system.sees_identity(a.grantee);

-- SVV_SCHEMA_PRIVILEGES: the privileges explicitly granted on schemas (privilege_scope SCHEMA).
CREATE OR REPLACE VIEW redshift_system.svv_schema_privileges AS
SELECT n.nspname::text AS namespace_name, a.privilege_type::text AS privilege_type, a.grantee::integer AS identity_id,
       CASE WHEN a.grantee = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(a.grantee)::text END AS identity_name,
       redshift_system.identity_type(a.grantee) AS identity_type,
       a.is_grantable AND redshift_system.identity_type(a.grantee) = 'user' AS admin_option,
       'SCHEMA'::text AS privilege_scope
FROM pg_catalog.pg_namespace n
CROSS JOIN LATERAL pg_catalog.aclexplode(n.nspacl) a
WHERE a.grantee <> n.nspowner AND n.nspname !~ '^pg_'
  AND n.nspname NOT IN ('information_schema', 'redshift_system')
  AND redshift_system.sees_identity(a.grantee);
