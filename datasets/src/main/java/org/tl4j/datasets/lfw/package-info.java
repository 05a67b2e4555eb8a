/**
 * Labeled Faces in the Wild: the archive ({@code lfw.tgz} layout, Commons Compress) or folder, the View 2 pair list
 * and the people lists, with errors that name the file and line.
 */
package org.tl4j.datasets.lfw;
