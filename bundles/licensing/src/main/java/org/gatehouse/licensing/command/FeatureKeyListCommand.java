package org.gatehouse.licensing.command;

import java.time.Instant;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.licensing.internal.FeatureKey;
import org.gatehouse.licensing.internal.FeatureKeys;
import org.gatehouse.licensing.internal.FeatureStatus;

@Command(scope = "gatehouse", name = "featurekey-list",
        description = "Lists licensed features (status, expiry, days left), installed keys and this installation's id.")
@Service
public class FeatureKeyListCommand implements Action {

    @Reference
    FeatureKeys featureKeys;

    @Override
    public Object execute() {
        Instant now = featureKeys.now();
        System.out.println("Installation ID: " + featureKeys.installationId());
        List<FeatureStatus> features = featureKeys.features();
        if (features.isEmpty()) {
            System.out.println("No features are licensed. Send the installation ID to your vendor for a key.");
        } else {
            ShellTable table = new ShellTable();
            table.column("Feature");
            table.column("Status");
            table.column("Expires");
            table.column("Days left").alignRight();
            table.column("Key");
            for (FeatureStatus s : features) {
                table.addRow().addContent(s.feature(), s.state().label(), s.expires(), s.daysLeft(now),
                        s.keyId() == null ? "(evaluation)" : s.keyId());
            }
            table.print(System.out);
        }
        List<FeatureKey> keys = featureKeys.installedKeys();
        if (!keys.isEmpty()) {
            System.out.println();
            ShellTable table = new ShellTable();
            table.column("Key");
            table.column("Issued");
            table.column("Signer");
            table.column("Features");
            for (FeatureKey k : keys) {
                table.addRow().addContent(k.keyId(), k.issued(), k.signer(), String.join(", ", k.features().keySet()));
            }
            table.print(System.out);
        }
        return null;
    }
}
