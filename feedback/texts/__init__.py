"""The text catalogues, one module per area; `feedback.i18n` merges and looks them up."""
