"""Sources: each turns an input into Articles with their metadata."""
