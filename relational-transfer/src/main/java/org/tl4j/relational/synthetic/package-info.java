/**
 * Seeded synthetic relational domains with a known correct mapping, and an unrelated source, for checking that the
 * mapping search finds the right correspondence and that transfer from an unrelated source does not help.
 */
package org.tl4j.relational.synthetic;
