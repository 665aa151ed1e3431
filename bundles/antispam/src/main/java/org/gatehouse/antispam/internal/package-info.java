/**
 * Anti-spam capability: the {@code antispam} stage of the work queue (band 300, gated by the
 * antispam feature key), the embedded engine (Mime4j tokenisation, scored rules, a chi-square
 * naive-Bayes classifier beside a logistic regression over the same tokens, with a shipped
 * starting model that learns at the site), adapters to
 * SpamAssassin's spamd and Rspamd, per-verdict actions and misclassification reports.
 * Private to the bundle; {@link org.gatehouse.antispam.internal.ScanMain} and
 * {@link org.gatehouse.antispam.internal.TrainMain} are command-line entry points.
 */
package org.gatehouse.antispam.internal;
