-- A first query: which database, as which user, on which server.
SELECT CURRENT_DATABASE() AS database_name, CURRENT_USER AS user_name, VERSION() AS server_version;
