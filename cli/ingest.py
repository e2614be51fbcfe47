"""fagui ingest / check / show (being written)."""
