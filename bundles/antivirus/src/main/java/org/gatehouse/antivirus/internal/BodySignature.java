package org.gatehouse.antivirus.internal;

/** One body signature (.ndb line or old .db line): its name, where it may start, its pattern. */
record BodySignature(String name, BodyOffset offset, HexPattern pattern) {
}
