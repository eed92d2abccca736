package io.gridpbx.core.access;

/** Delivers a reset token: by SMTP when one is configured, otherwise into the operator's log. */
public interface ResetMailer {

    void send(String email, String language, String token);
}
