package dev.tpmalerts.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Run by {@link ParentJvm}: starts an Elasticsearch node in the folder given as argument, then waits forever. */
public final class ElasticsearchNodeParent {

	private ElasticsearchNodeParent() {
	}

	public static void main(String[] args) throws Exception {
		ElasticsearchNode node = ElasticsearchNode.start(Path.of(args[0]),
				(server, message) -> System.out.println(server + ": " + message));
		System.out.println("child-pid=" + node.pid() + " url=" + node.httpUrl());
		System.out.flush();
		new CountDownLatch(1).await();
	}

}
