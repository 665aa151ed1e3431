package org.gatehouse.licensing.command;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.gatehouse.licensing.internal.FeatureKey;
import org.gatehouse.licensing.internal.FeatureKeys;

/** Completes installed key ids and the features they unlock. */
@Service
public class InstalledKeyCompleter implements Completer {

    @Reference
    FeatureKeys featureKeys;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        for (FeatureKey k : featureKeys.installedKeys()) {
            names.getStrings().add(k.keyId());
            names.getStrings().addAll(k.features().keySet());
        }
        return names.complete(session, commandLine, candidates);
    }
}
