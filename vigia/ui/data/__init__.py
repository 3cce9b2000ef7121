"""The Data page: upload and check a dataset, the datasets kept in the workspace."""
