-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).
-- The cluster's users, groups and roles, each a role of its own PostgreSQL server: a user logs in (CREATE USER),
-- a group does not (CREATE GROUP), and a role is a group marked 'redshift:role' (translation/roles.py, CREATE ROLE).
-- The server's superuser and PostgreSQL's pg_ roles are none of them.

-- Whether a role of the server is one of the cluster's: a user, group or role.
CREATE OR REPLACE FUNCTION redshift_system.is_identity(role oid) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT role <> 10 AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.oid = role AND r.rolname ~ '^pg_')
$$;

-- Whether a role is the master user (the one that may create roles, is_superuser; not whoever owns the database): a
-- member of every role and group it made (PostgreSQL's createrole_self_grant), memberships the catalog does not list.
CREATE OR REPLACE FUNCTION redshift_system.is_master(role oid) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT r.rolcreaterole AND NOT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.oid = role), false)
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
       (SELECT m.rolname::text FROM pg_catalog.pg_roles m WHERE redshift_system.is_master(m.oid)
        ORDER BY m.oid LIMIT 1) AS role_owner,
       NULL::text AS external_id
FROM pg_catalog.pg_roles r
WHERE redshift_system.is_rbac_role(r.oid);

-- SVV_USER_GRANTS: the roles granted to users; a superuser (or a holder of ACCESS SYSTEM TABLE: sees_all_rows) sees
-- every grant, any other user its own.
CREATE OR REPLACE VIEW redshift_system.svv_user_grants AS
SELECT u.oid::integer AS user_id, u.rolname::text AS user_name, r.oid::integer AS role_id,
       r.rolname::text AS role_name, m.admin_option
FROM pg_catalog.pg_auth_members m
JOIN pg_catalog.pg_roles u ON u.oid = m.member
JOIN pg_catalog.pg_roles r ON r.oid = m.roleid
WHERE u.rolcanlogin AND redshift_system.is_rbac_role(r.oid) AND NOT redshift_system.is_master(u.oid)
  AND (u.rolname = session_user OR redshift_system.sees_all_rows());

-- SVV_ROLE_GRANTS: the roles granted to roles (GRANT ROLE role1 TO ROLE role2: role_name role2, granted_role_name
-- role1); a superuser or a holder of ACCESS SYSTEM TABLE sees every grant, any other user those of its roles.
CREATE OR REPLACE VIEW redshift_system.svv_role_grants AS
SELECT r.oid::integer AS role_id, r.rolname::text AS role_name, g.oid::integer AS granted_role_id,
       g.rolname::text AS granted_role_name
FROM pg_catalog.pg_auth_members m
JOIN pg_catalog.pg_roles r ON r.oid = m.member
JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
WHERE redshift_system.is_rbac_role(r.oid) AND redshift_system.is_rbac_role(g.oid)
  AND (redshift_system.sees_all_rows() OR pg_catalog.pg_has_role(session_user, r.oid, 'USAGE'));

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
    SELECT role = 0 OR redshift_system.sees_all_rows() OR pg_catalog.pg_has_role(session_user, role, 'USAGE')
$$;

-- SVV_RELATION_PRIVILEGES: the privileges explicitly granted on tables and views (not their owners' own), of the
-- types its page names: INSERT, SELECT, UPDATE, DELETE, REFERENCES and DROP.
CREATE OR REPLACE VIEW redshift_system.svv_relation_privileges AS
SELECT n.nspname::text AS namespace_name, c.relname::text AS relation_name, a.privilege_type::text AS privilege_type,
       a.grantee::integer AS identity_id,
       CASE WHEN a.grantee = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(a.grantee)::text END AS identity_name,
       redshift_system.identity_type(a.grantee) AS identity_type,
       a.is_grantable AND redshift_system.identity_type(a.grantee) = 'user' AS admin_option
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL (
    SELECT e.grantee, e.privilege_type, e.is_grantable FROM pg_catalog.aclexplode(c.relacl) e
    WHERE e.privilege_type IN ('INSERT', 'SELECT', 'UPDATE', 'DELETE', 'REFERENCES')
    UNION ALL
    SELECT d.grantee, d.privilege_type, d.is_grantable FROM redshift_system.relation_privileges_of(c.oid) d
    WHERE d.privilege_type = 'DROP'
) a
WHERE c.relkind IN ('r', 'p', 'v', 'm') AND a.grantee <> c.relowner
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

-- The system-defined roles (r_roles-default.html), in every cluster: roles (ROLE_MARK) no one may log in as, made by
-- the server's superuser, so that the master user may neither drop nor alter them. Of what they let their holders
-- do, PostgreSQL can enforce what sys:monitor and sys:operator carry: seeing every row of the system tables
-- (sees_all_rows), and for sys:operator ANALYZE and VACUUM of every table (PostgreSQL's pg_maintain, which lets it
-- LOCK them too). Those of sys:dba, sys:secadmin and sys:superuser (dropping any table, creating users) PostgreSQL
-- cannot give a role: granting them is refused by name (translation/system_roles.py).
DO $$
DECLARE
    name text;
BEGIN
    FOREACH name IN ARRAY ARRAY['sys:monitor', 'sys:operator', 'sys:dba', 'sys:secadmin', 'sys:superuser'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = name) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', name);
        END IF;
        EXECUTE format('COMMENT ON ROLE %I IS %L', name, 'redshift:role');
    END LOOP;
    GRANT pg_maintain TO "sys:operator";
END
$$;

-- GRANT ROLE and REVOKE ROLE of sys:monitor or sys:operator (translation/system_roles.py), in the caller's
-- transaction: the master user alone may run them; the grantee is a user or a role of the cluster.
CREATE OR REPLACE FUNCTION redshift_system.grant_system_role(role text, grantee text, revoking boolean)
RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    IF NOT redshift_system.is_superuser(coalesce(nullif(current_setting('role'), 'none'), session_user)::name) THEN
        RAISE EXCEPTION 'permission denied to % role "%"', CASE WHEN revoking THEN 'revoke' ELSE 'grant' END, role
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF role NOT IN ('sys:monitor', 'sys:operator') OR NOT EXISTS (
        SELECT 1 FROM pg_catalog.pg_roles r
        WHERE r.rolname = grantee AND redshift_system.is_identity(r.oid) AND r.rolname !~ '^sys:'
    ) THEN
        RAISE EXCEPTION 'role "%" cannot be granted to "%"', role, grantee USING ERRCODE = 'invalid_grant_operation';
    END IF;
    IF revoking THEN
        EXECUTE format('REVOKE %I FROM %I', role, grantee);
    ELSE
        EXECUTE format('GRANT %I TO %I', role, grantee);
    END IF;
END
$$;
