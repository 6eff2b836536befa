"""Reports as data: the supervision report and the records-request document, and the Word writer."""
