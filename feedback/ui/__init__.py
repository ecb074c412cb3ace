"""The Streamlit layer: the only package besides the pages that imports streamlit."""
