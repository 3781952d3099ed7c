-- Load every song file under the song_data prefix in one COPY; 'auto' maps each key to the column of that name.
-- COMPUPDATE OFF: staging tables are short-lived, so Redshift need not analyse their compression.
-- COPY appends, so the rows of an earlier load are deleted first, in the same transaction: running this again
-- gives the same table, and if the COPY fails the earlier rows are still there.
DELETE FROM staging_songs;

COPY staging_songs
FROM {{ song_data }}
IAM_ROLE {{ role_arn }}
REGION {{ region }}
FORMAT AS JSON 'auto'
COMPUPDATE OFF;
