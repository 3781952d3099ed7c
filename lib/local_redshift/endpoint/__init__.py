"""The local Redshift endpoint: a PostgreSQL-wire server on 127.0.0.1 that speaks Redshift SQL to any client.

`server` listens and admits clients, `session` relays each client's messages to its own PostgreSQL backend,
`clusters` ties logins and databases to the clusters of the local AWS stand-in, `protocol` frames messages.
"""
