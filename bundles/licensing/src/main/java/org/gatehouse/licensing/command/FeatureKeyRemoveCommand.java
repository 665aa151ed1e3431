package org.gatehouse.licensing.command;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gatehouse.licensing.internal.FeatureKeyException;
import org.gatehouse.licensing.internal.FeatureKeys;

@Command(scope = "gatehouse", name = "featurekey-remove",
        description = "Removes an installed feature key, by key id or by the one feature it unlocks.")
@Service
public class FeatureKeyRemoveCommand implements Action {

    @Reference
    FeatureKeys featureKeys;

    @Argument(index = 0, name = "key", required = true, description = "Key id (see featurekey-list) or feature name")
    @Completion(InstalledKeyCompleter.class)
    String key;

    @Override
    public Object execute() {
        try {
            List<String> removed = featureKeys.remove(key);
            System.out.println("Removed feature key" + (removed.size() == 1 ? " " : "s ") + String.join(", ", removed));
        } catch (FeatureKeyException e) {
            // Thrown, not printed: the console (and an ssh exit status) shows it as an error.
            throw new IllegalArgumentException("nothing removed, " + e.getMessage(), e);
        }
        return null;
    }
}
