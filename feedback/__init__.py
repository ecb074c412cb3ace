"""Feedback from children, youth councils and families on a child & youth welfare plan.

The domain package: plain Python (sqlite-utils, pandas, altair). Streamlit is imported only in
`feedback.ui`, the pages and `streamlit_app.py`.
"""
