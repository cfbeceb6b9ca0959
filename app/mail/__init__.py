"""Email building: the MIME bytes an SMTP server receives (see `app.mail.mime`)."""
