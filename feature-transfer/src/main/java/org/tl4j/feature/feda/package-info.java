/**
 * "Frustratingly easy" domain adaptation (Daumé III, ACL 2007): feature augmentation with shared and per-domain
 * copies, for the inductive setting (strategy {@code feda}).
 */
package org.tl4j.feature.feda;
