// TranslationManager: the studio's language. Follows the system locale by
// default; English and Korean are complete. Switching installs the
// translators, and every window retranslates itself on QEvent::LanguageChange.
#pragma once

#include <QObject>
#include <QStringList>
#include <QTranslator>

namespace w2w {

class TranslationManager : public QObject {
  Q_OBJECT

 public:
  explicit TranslationManager(QObject* parent = nullptr);

  // Language codes of the translations compiled into the studio ("en", "ko").
  static QStringList languages();
  // The language's own name ("English", "한국어"), as its translation gives it.
  static QString nativeName(const QString& code);

  // "" follows the system locale; otherwise one of languages().
  void apply(const QString& language);
  QString current() const { return current_; }

 private:
  QTranslator app_;
  QTranslator qt_;
  QString current_;
};

}  // namespace w2w
