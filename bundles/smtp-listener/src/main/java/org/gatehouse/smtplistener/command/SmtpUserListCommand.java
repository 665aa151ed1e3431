package org.gatehouse.smtplistener.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.smtplistener.internal.SmtpUsers;

@Command(scope = "gatehouse", name = "smtp-user-list", description = "Lists the SMTP AUTH users (never their passwords)")
@Service
public class SmtpUserListCommand implements Action {

    @Reference
    SmtpUsers users;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("User");
        table.column("Hash");
        table.column("Iterations").alignRight();
        users.list().forEach(a -> table.addRow().addContent(a.user(), a.scheme(), a.iterations()));
        table.print(System.out);
        return null;
    }
}
