/** Console commands {@code gatehouse:antispam-scan} and {@code gatehouse:antispam-learn}. */
package org.gatehouse.antispam.command;
