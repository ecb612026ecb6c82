#include "local_http_server.h"

#include <QTcpSocket>

namespace w2w::test {

LocalHttpServer::LocalHttpServer() {
  server_.listen(QHostAddress::LocalHost, 0);
  connect(&server_, &QTcpServer::newConnection, this, [this] {
    while (QTcpSocket* socket = server_.nextPendingConnection()) {
      connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
      connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
  });
}

QString LocalHttpServer::baseUrl() const {
  return QStringLiteral("http://127.0.0.1:%1/").arg(server_.serverPort());
}

void LocalHttpServer::addFile(const QString& path, const QByteArray& body, const QByteArray& linkedEtag) {
  files_[path] = body;
  if (!linkedEtag.isEmpty()) etags_[path] = linkedEtag;
}

void LocalHttpServer::serve(QTcpSocket* socket) {
  const QByteArray request = socket->readAll();
  if (!request.contains("\r\n\r\n")) return;  // tiny GET requests arrive whole
  const QList<QByteArray> lines = request.split('\n');
  const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
  const QString path = QString::fromUtf8(first.value(1)).mid(1);
  ++requests_[path];
  qint64 from = 0;
  lastRange_.clear();
  for (const QByteArray& line : lines) {
    if (line.toLower().startsWith("range: bytes=")) {
      lastRange_ = line.trimmed();
      if (!ignoreRange_) from = line.mid(13).trimmed().split('-').value(0).toLongLong();
    }
  }
  if (!files_.contains(path)) {
    socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found");
    socket->disconnectFromHost();
    return;
  }
  const QByteArray& body = files_[path];
  if (from >= body.size() && from > 0) {
    socket->write("HTTP/1.1 416 Range Not Satisfiable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    socket->disconnectFromHost();
    return;
  }
  QByteArray head = from > 0 ? "HTTP/1.1 206 Partial Content\r\n" : "HTTP/1.1 200 OK\r\n";
  head += "Content-Length: " + QByteArray::number(body.size() - from) + "\r\n";
  if (from > 0) {
    head += "Content-Range: bytes " + QByteArray::number(from) + "-" + QByteArray::number(body.size() - 1) +
            "/" + QByteArray::number(body.size()) + "\r\n";
  }
  if (etags_.contains(path)) head += "X-Linked-Etag: \"" + etags_[path] + "\"\r\n";
  head += "Connection: close\r\n\r\n";
  socket->write(head);
  QByteArray payload = body.mid(from);
  if (cutAfter_.contains(path)) {
    payload = payload.left(cutAfter_.take(path));
    socket->write(payload);
    socket->flush();
    socket->abort();  // the connection drops mid-file
    return;
  }
  socket->write(payload);
  socket->disconnectFromHost();
}

}  // namespace w2w::test
