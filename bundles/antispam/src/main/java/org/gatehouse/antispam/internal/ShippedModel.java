package org.gatehouse.antispam.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * The starting model inside the bundle (trained by {@link TrainMain} on a labelled corpus),
 * used until the site has a model of its own.
 */
final class ShippedModel {

    static final String RESOURCE = "starting-model.bin";

    private ShippedModel() {
    }

    static SpamModel load() throws IOException {
        try (InputStream in = ShippedModel.class.getResourceAsStream(RESOURCE)) {
            return in == null ? new SpamModel() : SpamModel.read(in);
        }
    }
}
