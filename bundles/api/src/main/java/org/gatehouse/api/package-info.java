/**
 * The contracts between Gatehouse bundles: the only exported package. Interfaces and small
 * immutable value types only; no implementation and no static state, so that every other
 * bundle can be swapped while this one stays put.
 */
@Version("0.4.0")
@Export
package org.gatehouse.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
