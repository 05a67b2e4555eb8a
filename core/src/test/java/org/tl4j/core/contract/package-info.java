/**
 * The contract test kit every strategy test extends, published in the core test-jar.
 */
package org.tl4j.core.contract;
