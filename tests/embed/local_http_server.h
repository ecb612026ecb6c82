// A tiny HTTP/1.1 file server on 127.0.0.1 for download tests: serves files
// from memory, honours Range, and can misbehave on purpose (cut the
// connection after some bytes, answer 404, send a wrong checksum header).
#pragma once

#include <QByteArray>
#include <QHash>
#include <QTcpServer>

namespace w2w::test {

class LocalHttpServer : public QObject {
  Q_OBJECT

 public:
  LocalHttpServer();
  QString baseUrl() const;  // "http://127.0.0.1:<port>/"

  void addFile(const QString& path, const QByteArray& body, const QByteArray& linkedEtag = {});
  // The next response for `path` stops after `bytes` body bytes and closes.
  void cutAfter(const QString& path, qint64 bytes) { cutAfter_[path] = bytes; }
  void setIgnoreRange(bool ignore) { ignoreRange_ = ignore; }
  int requests(const QString& path) const { return requests_.value(path); }
  QByteArray lastRangeHeader() const { return lastRange_; }

 private:
  void serve(QTcpSocket* socket);

  QTcpServer server_;
  QHash<QString, QByteArray> files_;
  QHash<QString, QByteArray> etags_;
  QHash<QString, qint64> cutAfter_;
  QHash<QString, int> requests_;
  QByteArray lastRange_;
  bool ignoreRange_ = false;
};

}  // namespace w2w::test
