"""Amazon Redshift Serverless in the local AWS stand-in: namespaces, workgroups and their temporary credentials."""
