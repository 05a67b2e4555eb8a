/**
 * CORrelation ALignment (Sun, Feng and Saenko, AAAI 2016): source features re-coloured with the target covariance
 * (strategy {@code coral}).
 */
package org.tl4j.feature.coral;
