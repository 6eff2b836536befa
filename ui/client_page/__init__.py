"""The client page: everything about one client over time, as a column of sections and charts."""
