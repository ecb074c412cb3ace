"""Sign in, change the password, sign out: staff, admins and youth council members."""

import streamlit as st

from feedback import i18n
from feedback.ui import page, signin

ctx = page.setup("login")
st.title(i18n.t("login.title", ctx.lang), anchor=False)
user = signin.current_user(ctx)
if signin.leaving():
    st.stop()  # the browser is on its way to the server and on: nothing more to fill in here
if user is None:
    signin.login_form(ctx)
elif user.must_change_password:
    signin.first_password_form(ctx, user)
else:
    signin.signed_in_panel(ctx, user)
page.footer(ctx, staff=True)
