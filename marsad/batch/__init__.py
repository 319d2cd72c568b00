"""The pipeline over large corpora, on one machine or a Dask cluster (``docs/scaling.md``)."""
