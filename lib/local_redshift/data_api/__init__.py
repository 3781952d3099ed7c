"""The Amazon Redshift Data API in the local AWS stand-in: statements run for real, asynchronously, through the
local Redshift endpoint, in sessions of the cluster's or workgroup's own database user."""
