package org.gatehouse.smtplistener.command;

import java.util.Arrays;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.gatehouse.smtplistener.internal.SmtpUsers;

@Command(scope = "gatehouse", name = "smtp-user-add",
        description = "Adds an SMTP AUTH user, or gives an existing one a new password (asked for without echo when not given)")
@Service
public class SmtpUserAddCommand implements Action {

    @Reference
    SmtpUsers users;

    @Reference
    Session session;

    @Argument(index = 0, name = "user", description = "The user name the mail client logs in with", required = true)
    String user;

    @Argument(index = 1, name = "password",
            description = "The password; leave it out to type it unseen (a typed argument stays in the shell history)")
    String password;

    @Override
    public Object execute() throws Exception {
        char[] secret = password != null ? password.toCharArray() : prompt();
        try {
            boolean existed = users.list().stream().anyMatch(a -> a.user().equals(user));
            users.put(user, secret);
            System.out.println((existed ? "Password changed for SMTP user " : "SMTP user added: ") + user);
        } finally {
            Arrays.fill(secret, '\0');
        }
        return null;
    }

    private char[] prompt() throws java.io.IOException {
        String first = session.readLine("Password: ", '*');
        String second = session.readLine("Password again: ", '*');
        if (first == null || first.isEmpty()) {
            throw new IllegalArgumentException("No password given");
        }
        if (!first.equals(second)) {
            throw new IllegalArgumentException("The passwords differ; nothing changed");
        }
        return first.toCharArray();
    }
}
