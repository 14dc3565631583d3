"""slant's reader and command line: the Textual app (`app` and its parts), the analysis
process (`worker`), `cli/`, `screens/`, `widgets/` and the reports in `export/`.
"""
