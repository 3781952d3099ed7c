-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).
-- The table privileges Redshift has and PostgreSQL does not: ALTER and DROP (r_GRANT.html, r_REVOKE.html) and RULE
-- (one of GRANT ALL's, r_SVV_DEFAULT_PRIVILEGES.html), kept beside PostgreSQL's own ACLs. GRANT and REVOKE write them
-- through grant_relation_privileges (translation/table_grants.py); a grantee's DROP TABLE or ALTER TABLE borrows
-- the table's ownership for its transaction (lend_relations), which is given back when it commits.

CREATE TABLE IF NOT EXISTS redshift_system.relation_privileges (
    relid oid NOT NULL,
    grantee oid NOT NULL, -- 0: PUBLIC
    privilege text NOT NULL CHECK (privilege IN ('ALTER', 'DROP', 'RULE')),
    grantor oid NOT NULL,
    grantable boolean NOT NULL,
    PRIMARY KEY (relid, grantee, privilege, grantor)
);

-- Who runs the statement: the role SET ROLE (SET SESSION AUTHORIZATION) chose, else the user logged in. The same
-- inside a SECURITY DEFINER function, where current_user is the function's owner.
CREATE OR REPLACE FUNCTION redshift_system.invoker() RETURNS oid
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN pg_catalog.current_setting('role') = 'none' THEN (SELECT oid FROM pg_catalog.pg_roles
                                                                      WHERE rolname = session_user)
                ELSE pg_catalog.current_setting('role')::regrole::oid END
$$;

-- Whether `role` holds one of these privileges on the relation, itself, through a role or group, or as PUBLIC.
CREATE OR REPLACE FUNCTION redshift_system.holds_relation_privilege(
    role oid, relation oid, wanted text, with_grant_option boolean DEFAULT false
) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1 FROM redshift_system.relation_privileges p
        WHERE p.relid = relation AND p.privilege = wanted AND (p.grantable OR NOT with_grant_option)
          AND (p.grantee = 0 OR pg_catalog.pg_has_role(role, p.grantee, 'USAGE'))
    )
$$;

-- Whether `role` acts as the relation's owner: its owner, a member of the owner's role, or the master user
-- (plpgsql: is_master comes in the next file).
CREATE OR REPLACE FUNCTION redshift_system.acts_as_owner(role oid, relation oid) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN redshift_system.is_master(role)
        OR pg_catalog.pg_has_role(role, (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = relation), 'USAGE');
END
$$;

-- GRANT (granting) or REVOKE of ALTER, DROP and RULE on the relations to the grantees (role names; 'public' is
-- PUBLIC). As in PostgreSQL, whoever acts as the owner grants as the owner; a grantee WITH GRANT OPTION grants as
-- itself; REVOKE takes back what the revoker granted (and, with CASCADE, what was granted on from it).
CREATE OR REPLACE FUNCTION redshift_system.grant_relation_privileges(
    granting boolean, relations oid[], privileges text[], grantees text[], grant_option boolean, cascade boolean
) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    caller oid := redshift_system.invoker();
    relation oid;
    wanted text;
    grantee_name text;
    to_role oid;
    by_role oid;
BEGIN
    FOREACH relation IN ARRAY relations LOOP
        FOREACH wanted IN ARRAY privileges LOOP
            IF redshift_system.acts_as_owner(caller, relation) THEN
                by_role := (SELECT c.relowner FROM pg_class c WHERE c.oid = relation);
            ELSIF redshift_system.holds_relation_privilege(caller, relation, wanted, true) THEN
                by_role := caller;
            ELSE
                RAISE EXCEPTION 'permission denied for relation %', (SELECT c.relname FROM pg_class c WHERE c.oid = relation)
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            FOREACH grantee_name IN ARRAY grantees LOOP
                to_role := CASE WHEN grantee_name = 'public' THEN 0 ELSE grantee_name::regrole::oid END;
                IF to_role <> 0 AND NOT redshift_system.is_identity(to_role) THEN -- the server's own roles
                    RAISE EXCEPTION 'role "%" does not exist', grantee_name USING ERRCODE = 'undefined_object';
                END IF;
                IF granting THEN
                    INSERT INTO redshift_system.relation_privileges AS p VALUES (relation, to_role, wanted, by_role, grant_option)
                    ON CONFLICT (relid, grantee, privilege, grantor) DO UPDATE SET grantable = p.grantable OR grant_option;
                ELSIF NOT cascade AND EXISTS (
                    SELECT 1 FROM redshift_system.relation_privileges p
                    WHERE p.relid = relation AND p.privilege = wanted AND p.grantor = to_role AND to_role <> 0
                ) THEN
                    RAISE EXCEPTION 'dependent privileges exist' USING ERRCODE = 'dependent_objects_still_exist',
                        HINT = 'Use CASCADE to revoke them too.';
                ELSE
                    IF grant_option THEN -- REVOKE GRANT OPTION FOR
                        UPDATE redshift_system.relation_privileges p SET grantable = false
                        WHERE p.relid = relation AND p.grantee = to_role AND p.privilege = wanted AND p.grantor = by_role;
                    ELSE
                        DELETE FROM redshift_system.relation_privileges p
                        WHERE p.relid = relation AND p.grantee = to_role AND p.privilege = wanted AND p.grantor = by_role;
                    END IF;
                    IF cascade THEN
                        DELETE FROM redshift_system.relation_privileges p
                        WHERE p.relid = relation AND p.privilege = wanted AND p.grantor = to_role AND to_role <> 0;
                    END IF;
                END IF;
            END LOOP;
        END LOOP;
    END LOOP;
END
$$;

-- The relations a grantee's DROP or ALTER borrowed in this transaction, and their owners, given back at commit.
CREATE TABLE IF NOT EXISTS redshift_system.lent_relations (
    relid oid NOT NULL,
    owner oid NOT NULL,
    relacl aclitem[],
    attacls jsonb NOT NULL -- {attnum: attacl} of the columns with an ACL
);

-- The word ALTER takes for the relation: TABLE, VIEW or MATERIALIZED VIEW.
CREATE OR REPLACE FUNCTION redshift_system.relation_kind_word(relation oid) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END
    FROM pg_catalog.pg_class c WHERE c.oid = relation
$$;

-- Called before a DROP or ALTER of tables or views: each relation the caller does not own but holds the privilege
-- (`wanted`, DROP or ALTER) on is the caller's until the transaction commits. Its ACLs are kept, since a change of
-- owner rewrites them: giving it back restores them as they were.
CREATE OR REPLACE FUNCTION redshift_system.lend_relations(relations oid[], wanted text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    caller oid := redshift_system.invoker();
    relation oid;
BEGIN
    FOREACH relation IN ARRAY relations LOOP
        CONTINUE WHEN relation IS NULL OR redshift_system.acts_as_owner(caller, relation)
            OR NOT redshift_system.holds_relation_privilege(caller, relation, wanted);
        INSERT INTO redshift_system.lent_relations
        SELECT c.oid, c.relowner, c.relacl,
               coalesce((SELECT jsonb_object_agg(a.attnum, a.attacl::text[]) FROM pg_attribute a
                         WHERE a.attrelid = c.oid AND a.attacl IS NOT NULL), '{}')
        FROM pg_class c WHERE c.oid = relation;
        EXECUTE format('ALTER %s %s OWNER TO %I', redshift_system.relation_kind_word(relation), relation::regclass,
                       pg_get_userbyid(caller));
    END LOOP;
END
$$;

-- At commit: every relation lent in the transaction that is still there goes back to its owner, with its ACLs.
CREATE OR REPLACE FUNCTION redshift_system.give_back_relations() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    lent redshift_system.lent_relations;
BEGIN
    FOR lent IN DELETE FROM redshift_system.lent_relations RETURNING * LOOP
        CONTINUE WHEN NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = lent.relid);
        EXECUTE format('ALTER %s %s OWNER TO %I', redshift_system.relation_kind_word(lent.relid), lent.relid::regclass,
                       pg_get_userbyid(lent.owner));
        UPDATE pg_class SET relacl = lent.relacl WHERE oid = lent.relid;
        UPDATE pg_attribute a SET attacl = CASE WHEN lent.attacls ? a.attnum::text
                                                THEN ARRAY(SELECT jsonb_array_elements_text(lent.attacls -> a.attnum::text))::aclitem[]
                                           END
        WHERE a.attrelid = lent.relid AND a.attnum > 0;
    END LOOP;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS give_back ON redshift_system.lent_relations;
CREATE CONSTRAINT TRIGGER give_back AFTER INSERT ON redshift_system.lent_relations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION redshift_system.give_back_relations();

-- ALTER, DROP and RULE as SHOW GRANTS and SVV_RELATION_PRIVILEGES list them, in aclexplode's columns.
CREATE OR REPLACE FUNCTION redshift_system.relation_privileges_of(relation oid)
RETURNS TABLE (grantor oid, grantee oid, privilege_type text, is_grantable boolean)
LANGUAGE sql STABLE AS $$
    SELECT p.grantor, p.grantee, p.privilege, p.grantable FROM redshift_system.relation_privileges p
    WHERE p.relid = relation
      AND (p.grantee = 0 OR EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.oid = p.grantee))
$$;

-- A dropped table or view loses its privileges (the event trigger: 90_grants_and_triggers.sql).
CREATE OR REPLACE FUNCTION redshift_system.on_relation_dropped() RETURNS event_trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    DELETE FROM redshift_system.relation_privileges
    WHERE relid IN (SELECT objid FROM pg_event_trigger_dropped_objects()
                    WHERE object_type IN ('table', 'view', 'materialized view'));
END
$$;

-- HAS_TABLE_PRIVILEGE (r_HAS_TABLE_PRIVILEGE.html): PostgreSQL's answer, but for DROP and ALTER, which are this
-- catalog's; several privileges separated by commas ask whether any is held, as in PostgreSQL.
CREATE OR REPLACE FUNCTION redshift_system.holds_table_privilege(role oid, relation oid, privileges text)
RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT bool_or(CASE WHEN p IN ('DROP', 'ALTER')
                        THEN redshift_system.acts_as_owner(role, relation)
                             OR redshift_system.holds_relation_privilege(role, relation, p)
                        ELSE pg_catalog.has_table_privilege(role, relation, p) END)
    FROM pg_catalog.unnest(pg_catalog.string_to_array(privileges, ',')) AS asked,
         LATERAL pg_catalog.upper(pg_catalog.btrim(asked)) AS p
$$;

CREATE OR REPLACE FUNCTION redshift_system.has_table_privilege(role_name text, relation text, privileges text)
RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT redshift_system.holds_table_privilege(role_name::regrole, relation::regclass, privileges)
$$;

CREATE OR REPLACE FUNCTION redshift_system.has_table_privilege(role_name text, relation oid, privileges text)
RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT redshift_system.holds_table_privilege(role_name::regrole, relation, privileges)
$$;

CREATE OR REPLACE FUNCTION redshift_system.has_table_privilege(relation text, privileges text)
RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT redshift_system.holds_table_privilege(current_user::regrole, relation::regclass, privileges)
$$;

CREATE OR REPLACE FUNCTION redshift_system.has_table_privilege(relation oid, privileges text)
RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT redshift_system.holds_table_privilege(current_user::regrole, relation, privileges)
$$;
