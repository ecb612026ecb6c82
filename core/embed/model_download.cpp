#include "embed/model_download.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>
#include <QUrl>

namespace w2w {
namespace {

QString partPath(const std::string& destination) { return QString::fromStdString(destination) + ".part"; }

// Hashes what is already in the part file, so a resumed download can be
// verified without reading the file twice at the end.
bool hashExisting(QFile& file, QCryptographicHash& hash) {
  if (!file.seek(0)) return false;
  return hash.addData(&file);
}

std::string checksumFromHeaders(const QNetworkReply& reply) {
  static const QRegularExpression sha256(QStringLiteral("^\"?([0-9a-fA-F]{64})\"?$"));
  for (const char* header : {"X-Linked-Etag", "ETag"}) {
    const auto match = sha256.match(QString::fromLatin1(reply.rawHeader(header)).trimmed());
    if (match.hasMatch()) return match.captured(1).toLower().toStdString();
  }
  return {};
}

}  // namespace

Result<DownloadResult> downloadFile(const DownloadRequest& request, const ProgressCallback& progress,
                                    const CancelFlag* cancel) {
  const QUrl url(QString::fromStdString(request.url));
  if (!url.isValid() || (url.scheme() != "http" && url.scheme() != "https")) {
    return makeError(request.url + ": not an http(s) address");
  }
  QDir().mkpath(QFileInfo(QString::fromStdString(request.destination)).absolutePath());
  QFile part(partPath(request.destination));
  if (!part.open(QIODevice::ReadWrite)) {
    return makeError(part.fileName().toStdString() + ": cannot write (" + part.errorString().toStdString() +
                     ")");
  }
  QCryptographicHash hash(QCryptographicHash::Sha256);
  qint64 already = part.size();
  if (already > 0 && !hashExisting(part, hash))
    return makeError(part.fileName().toStdString() + ": cannot read");

  QNetworkAccessManager network;
  QNetworkRequest httpRequest(url);
  httpRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                           QNetworkRequest::NoLessSafeRedirectPolicy);
  if (already > 0) httpRequest.setRawHeader("Range", "bytes=" + QByteArray::number(already) + "-");
  QNetworkReply* reply = network.get(httpRequest);

  DownloadResult result;
  std::string error;
  bool headersSeen = false;
  std::string serverSha;
  QEventLoop loop;
  QTimer watchdog;  // no data for timeoutSeconds: give up (the part file stays for a retry)
  watchdog.setSingleShot(true);
  watchdog.setInterval(request.timeoutSeconds * 1000);
  QTimer cancelPoll;
  cancelPoll.setInterval(100);

  auto onHeaders = [&] {
    headersSeen = true;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    serverSha = checksumFromHeaders(*reply);
    if (already > 0 && status == 200) {
      // The server ignored the range: start over.
      part.resize(0);
      part.seek(0);
      hash.reset();
      already = 0;
    } else if (status == 206) {
      result.resumed = true;
      part.seek(already);
    }
  };
  QObject::connect(reply, &QNetworkReply::metaDataChanged, onHeaders);
  qint64 receivedNow = 0;
  QObject::connect(reply, &QNetworkReply::readyRead, [&] {
    if (!headersSeen) onHeaders();
    if (cancel && cancel->isCancelled()) {
      error = "cancelled; the part downloaded so far is kept and a retry resumes it";
      reply->abort();
      return;
    }
    const QByteArray chunk = reply->readAll();
    receivedNow += chunk.size();
    hash.addData(chunk);
    if (part.write(chunk) != chunk.size()) {
      error = part.fileName().toStdString() + ": write failed (disk full?)";
      reply->abort();
    }
    watchdog.start();
  });
  QObject::connect(reply, &QNetworkReply::downloadProgress, [&](qint64 received, qint64 total) {
    if (progress) {
      progress({already + received, total > 0 ? already + total : request.expectedSize,
                QFileInfo(QString::fromStdString(request.destination)).fileName().toStdString()});
    }
  });
  QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
  QObject::connect(&watchdog, &QTimer::timeout, [&] {
    error =
        request.url + ": no data for " + std::to_string(request.timeoutSeconds) + " s; try again to resume";
    reply->abort();
  });
  QObject::connect(&cancelPoll, &QTimer::timeout, [&] {
    if (cancel && cancel->isCancelled()) {
      error = "cancelled; the part downloaded so far is kept and a retry resumes it";
      reply->abort();
    }
  });
  if (cancel && cancel->isCancelled()) {
    reply->abort();
    return makeError("cancelled before the download started");
  }
  watchdog.start();
  cancelPoll.start();
  loop.exec();
  part.flush();
  // A connection that closes early can end "without error": the length the
  // server announced tells the truth.
  const qint64 announced = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
  if (error.empty() && reply->error() == QNetworkReply::NoError && announced > 0 && receivedNow < announced) {
    error = request.url + ": the connection closed after " + std::to_string(already + receivedNow) +
            " bytes; try again to resume";
  }

  const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
  if (error.empty() && reply->error() != QNetworkReply::NoError) {
    error = request.url + ": " +
            (status >= 400 ? "the server answered HTTP " + std::to_string(status)
                           : reply->errorString().toStdString() + "; try again to resume");
    if (status == 416) {
      // The part is as long as (or longer than) the file: drop it, a retry starts clean.
      part.resize(0);
    }
  }
  reply->deleteLater();
  if (!error.empty()) return makeError(error);

  result.bytes = part.size();
  result.sha256 = hash.result().toHex().toStdString();
  part.close();
  if (request.expectedSize >= 0 && result.bytes != request.expectedSize) {
    QFile::remove(part.fileName());
    return makeError(request.url + ": got " + std::to_string(result.bytes) + " bytes, expected " +
                     std::to_string(request.expectedSize) + "; the download was discarded");
  }
  const std::string expected = !request.expectedSha256.empty() ? request.expectedSha256 : serverSha;
  if (!expected.empty()) {
    if (expected != result.sha256) {
      QFile::remove(part.fileName());
      return makeError(request.url + ": checksum mismatch (expected " + expected.substr(0, 12) + "…, got " +
                       result.sha256.substr(0, 12) + "…); the download was discarded");
    }
    result.checksumVerified = true;
  }
  const QString destination = QString::fromStdString(request.destination);
  QFile::remove(destination);
  if (!QFile::rename(part.fileName(), destination)) {
    return makeError(request.destination + ": cannot move the finished download into place");
  }
  result.path = request.destination;
  return result;
}

}  // namespace w2w
