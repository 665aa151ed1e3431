package org.gatehouse.smtplistener.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gatehouse.smtplistener.internal.SmtpUsers;

@Command(scope = "gatehouse", name = "smtp-user-delete", description = "Removes an SMTP AUTH user")
@Service
public class SmtpUserDeleteCommand implements Action {

    @Reference
    SmtpUsers users;

    @Argument(index = 0, name = "user", description = "The user name", required = true)
    @Completion(SmtpUserCompleter.class)
    String user;

    @Override
    public Object execute() throws Exception {
        if (!users.delete(user)) {
            throw new IllegalArgumentException("No SMTP user named " + user + " (see gatehouse:smtp-user-list)");
        }
        System.out.println("SMTP user deleted: " + user);
        return null;
    }
}
