package org.tl4j.deep;
