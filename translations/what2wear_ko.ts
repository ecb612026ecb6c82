<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>w2w::Category</name>
    <message>
        <source>Top</source>
        <translation>상의</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>하의</translation>
    </message>
    <message>
        <source>Shoes</source>
        <translation>신발</translation>
    </message>
</context>
<context>
    <name>w2w::CropCanvas</name>
    <message>
        <source>Crop boxes</source>
        <translation>크롭 상자</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>사진 없음</translation>
    </message>
</context>
<context>
    <name>w2w::CropReviewView</name>
    <message>
        <source>Review queue (least certain first)</source>
        <translation>검토 대기열 (신뢰도 낮은 순)</translation>
    </message>
    <message>
        <source>White background</source>
        <translation>흰 배경</translation>
    </message>
    <message>
        <source>Show the photo with its background removed (W)</source>
        <translation>배경을 지운 사진 보기 (W)</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>승인</translation>
    </message>
    <message>
        <source>The crops are right: mark the photo reviewed and go on (A)</source>
        <translation>크롭이 맞습니다: 검토 완료로 표시하고 다음으로 (A)</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>표시</translation>
    </message>
    <message>
        <source>Mark the photo for attention and go on (F)</source>
        <translation>확인이 필요한 사진으로 표시하고 다음으로 (F)</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>이전</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <source>Draw missing box</source>
        <translation>빠진 상자 그리기</translation>
    </message>
    <message>
        <source>Draw the selected category&apos;s box when the pipeline found none (D)</source>
        <translation>파이프라인이 찾지 못한 선택 범주의 상자를 그립니다 (D)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n box(es) missing</source>
        <translation>
            <numerusform>%1 — 상자 %n개 없음</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — lowest confidence %2</source>
        <translation>%1 — 최저 신뢰도 %2</translation>
    </message>
    <message>
        <source>No photo to review. Import outfit photos, or pick one in the library.</source>
        <translation>검토할 사진이 없습니다. 코디 사진을 가져오거나 라이브러리에서 사진을 고르세요.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;■&lt;/span&gt; %2: %3, confidence %4&lt;br&gt;</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;■&lt;/span&gt; %2: %3, 신뢰도 %4&lt;br&gt;</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>수정됨</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;□&lt;/span&gt; %2: not found — select it and press D to draw it&lt;br&gt;</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;□&lt;/span&gt; %2: 찾지 못함 — 선택하고 D를 눌러 그리세요&lt;br&gt;</translation>
    </message>
</context>
<context>
    <name>w2w::CropSession</name>
    <message>
        <source>Move %1 box</source>
        <translation>%1 상자 이동</translation>
    </message>
    <message>
        <source>Add %1 box</source>
        <translation>%1 상자 추가</translation>
    </message>
    <message>
        <source>Accept photo</source>
        <translation>사진 승인</translation>
    </message>
    <message>
        <source>Flag photo</source>
        <translation>사진 표시</translation>
    </message>
    <message>
        <source>photo %1 is not in the library</source>
        <translation>사진 %1이(가) 라이브러리에 없습니다</translation>
    </message>
    <message>
        <source>crop %1 no longer exists</source>
        <translation>크롭 %1이(가) 더 이상 없습니다</translation>
    </message>
</context>
<context>
    <name>w2w::LibraryController</name>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n개 추가됨</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n already in the library</source>
        <translation>
            <numerusform>, %n개는 이미 라이브러리에 있음</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n failed</source>
        <translation>
            <numerusform>, %n개 실패</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of photo %2</source>
        <translation>사진 %2의 %1</translation>
    </message>
    <message>
        <source>Importing photos</source>
        <translation>사진 가져오는 중</translation>
    </message>
    <message>
        <source>Importing items</source>
        <translation>단품 가져오는 중</translation>
    </message>
    <message>
        <source>Preparing the demo library</source>
        <translation>데모 라이브러리 준비 중</translation>
    </message>
</context>
<context>
    <name>w2w::LibraryGridModel</name>
    <message>
        <source>new</source>
        <translation>새 사진</translation>
    </message>
    <message numerus="yes">
        <source>%n crop(s)</source>
        <translation>
            <numerusform>크롭 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>검토됨</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>표시됨</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>top</source>
        <translation>상의</translation>
    </message>
    <message>
        <source>bottom</source>
        <translation>하의</translation>
    </message>
    <message>
        <source>shoes</source>
        <translation>신발</translation>
    </message>
    <message>
        <source> · edited</source>
        <translation> · 수정됨</translation>
    </message>
    <message>
        <source> · flagged</source>
        <translation> · 표시됨</translation>
    </message>
</context>
<context>
    <name>w2w::MainWindow</name>
    <message>
        <source>What2Wear Studio — %1</source>
        <translation>What2Wear Studio — %1</translation>
    </message>
    <message>
        <source>What2Wear Studio</source>
        <translation>What2Wear Studio</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>라이브러리</translation>
    </message>
    <message>
        <source>Crops</source>
        <translation>크롭</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 라이브러리(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;New Library…</source>
        <translation>새 라이브러리(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Library…</source>
        <translation>라이브러리 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Demo Library</source>
        <translation>데모 라이브러리 열기(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Import Photos…</source>
        <translation>사진 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>폴더 가져오기(&amp;F)…</translation>
    </message>
    <message>
        <source>Import Single &amp;Items…</source>
        <translation>단품 사진 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About What2Wear Studio</source>
        <translation>What2Wear Studio 정보(&amp;A)</translation>
    </message>
    <message>
        <source>No library open: File ▸ New Library or Open Library</source>
        <translation>열린 라이브러리가 없습니다: 파일 ▸ 새 라이브러리 또는 라이브러리 열기</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n photo(s)</source>
        <translation>
            <numerusform>%1 — 사진 %n장</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n item(s)</source>
        <translation>
            <numerusform>, 아이템 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n outfit(s)</source>
        <translation>
            <numerusform>, 코디 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open library</source>
        <translation>라이브러리를 열 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot create the demo library</source>
        <translation>데모 라이브러리를 만들 수 없습니다</translation>
    </message>
    <message>
        <source>New Library</source>
        <translation>새 라이브러리</translation>
    </message>
    <message>
        <source>What2Wear libraries (*.w2w)</source>
        <translation>What2Wear 라이브러리 (*.w2w)</translation>
    </message>
    <message>
        <source>Cannot create library</source>
        <translation>라이브러리를 만들 수 없습니다</translation>
    </message>
    <message>
        <source>Open Library</source>
        <translation>라이브러리 열기</translation>
    </message>
    <message>
        <source>What2Wear libraries (*.w2w);;All files (*)</source>
        <translation>What2Wear 라이브러리 (*.w2w);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Import a Folder of Outfit Photos</source>
        <translation>코디 사진 폴더 가져오기</translation>
    </message>
    <message>
        <source>Import Outfit Photos</source>
        <translation>코디 사진 가져오기</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff)</source>
        <translation>이미지 (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff)</translation>
    </message>
    <message>
        <source>From each file&apos;s folder name</source>
        <translation>각 파일의 폴더 이름으로</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>상의</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>하의</translation>
    </message>
    <message>
        <source>Shoes</source>
        <translation>신발</translation>
    </message>
    <message>
        <source>Import Single Items</source>
        <translation>단품 사진 가져오기</translation>
    </message>
    <message>
        <source>Category of the items:</source>
        <translation>아이템 범주:</translation>
    </message>
    <message>
        <source>Folder of Single-Item Photos</source>
        <translation>단품 사진 폴더</translation>
    </message>
    <message>
        <source>%1: cancelled; the work done so far is kept</source>
        <translation>%1: 취소됨; 지금까지 한 작업은 유지됩니다</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1: 완료</translation>
    </message>
    <message>
        <source>About What2Wear Studio</source>
        <translation>What2Wear Studio 정보</translation>
    </message>
    <message>
        <source>&lt;h3&gt;What2Wear Studio %1&lt;/h3&gt;&lt;p&gt;Learns which clothes go together: crops outfit photos into top, bottom and shoes, embeds the crops, trains a compatibility model and recommends the pieces that complete a look.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;What2Wear Studio %1&lt;/h3&gt;&lt;p&gt;어떤 옷이 서로 어울리는지 배웁니다: 코디 사진을 상의, 하의, 신발로 자르고, 크롭을 임베딩하고, 어울림 모델을 학습하고, 룩을 완성할 아이템을 추천합니다.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>w2w::TaskStatusWidget</name>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Stop the task; work finished so far is kept</source>
        <translation>작업을 멈춥니다; 지금까지 끝난 작업은 유지됩니다</translation>
    </message>
</context>
</TS>
