"""One Streamlit page per user role, plus Data and About; run by ``st.navigation`` in ``app.py``."""
