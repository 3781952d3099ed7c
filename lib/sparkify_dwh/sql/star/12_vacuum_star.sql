-- After each load: every load's DELETE only marks the old rows as deleted (Redshift does not reclaim their space
-- by itself at once), and the new rows land unsorted. VACUUM reclaims the space and sorts each table by its
-- sort key, so that scans skip the blocks a question does not need. One table per VACUUM; it cannot run inside a
-- transaction block, so the library runs these statements one by one, each committing on its own.
VACUUM songplays;
VACUUM time;
VACUUM users;
VACUUM songs;
VACUUM artists;
