"""A local Amazon Redshift: moto for the AWS APIs, embedded PostgreSQL behind a Redshift SQL endpoint."""
