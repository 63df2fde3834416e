"""Reports rendered by the desktop: the PDF report (Qt) and the formatting the Analytics view shares."""
