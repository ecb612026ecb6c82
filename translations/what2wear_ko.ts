<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>w2w::BackgroundEncoder</name>
    <message>
        <source>Encoding new crops</source>
        <translation>새 크롭 인코딩 중</translation>
    </message>
</context>
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
    <message>
        <source>Outer layer</source>
        <translation>아우터</translation>
    </message>
    <message>
        <source>One-piece</source>
        <translation>원피스</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>가방</translation>
    </message>
    <message>
        <source>Accessory</source>
        <translation>액세서리</translation>
    </message>
</context>
<context>
    <name>w2w::ChartPanel</name>
    <message>
        <source>Copy Image</source>
        <translation>이미지 복사</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>PNG로 저장…</translation>
    </message>
    <message>
        <source>Save Chart</source>
        <translation>차트 저장</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>w2w::CompatService</name>
    <message>
        <source>Trained model %1 (validation AUC %2, encoder %3)</source>
        <translation>학습된 모델 %1 (검증 AUC %2, 인코더 %3)</translation>
    </message>
    <message>
        <source>Untrained baseline: cosine of %1 embeddings (train a model for learned compatibility)</source>
        <translation>학습하지 않은 기준선: %1 임베딩의 코사인 유사도 (학습된 어울림을 쓰려면 모델을 학습하세요)</translation>
    </message>
    <message>
        <source>goes together</source>
        <translation>어울림</translation>
    </message>
    <message>
        <source>borderline</source>
        <translation>애매함</translation>
    </message>
    <message>
        <source>clashes</source>
        <translation>안 어울림</translation>
    </message>
    <message>
        <source>No verdict: the untrained baseline has no threshold. Train a model (Training view) to learn one.</source>
        <translation>판정 없음: 학습하지 않은 기준 모델에는 임계값이 없습니다. 모델을 학습하면 (학습 보기) 임계값이 생깁니다.</translation>
    </message>
    <message>
        <source>The model&apos;s threshold is %1: scores above %2 go together, below %3 clash, in between is borderline.</source>
        <translation>모델의 임계값은 %1입니다: %2 이상이면 어울림, %3 이하면 안 어울림, 그 사이는 애매함입니다.</translation>
    </message>
    <message>
        <source>%1 is not encoded yet (Embeddings ▸ Encode library)</source>
        <translation>%1은(는) 아직 인코딩되지 않았습니다 (임베딩 ▸ 라이브러리 인코딩)</translation>
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
    <message>
        <source>Drag on the photo to draw the %1 box (Esc: stop)</source>
        <translation>사진 위를 드래그해 %1 상자를 그리세요 (Esc: 그만두기)</translation>
    </message>
</context>
<context>
    <name>w2w::CropLegend</name>
    <message>
        <source>missing</source>
        <translation>빠짐</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>not visible</source>
        <translation>보이지 않음</translation>
    </message>
    <message>
        <source>Select the %1 box (%2)</source>
        <translation>%1 상자 선택 (%2)</translation>
    </message>
    <message>
        <source>Draw the %1 box: press %2 or click here, then drag on the photo</source>
        <translation>%1 상자 그리기: %2 키를 누르거나 여기를 클릭한 뒤 사진 위를 드래그하세요</translation>
    </message>
</context>
<context>
    <name>w2w::CropReviewView</name>
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
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
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
        <source>The photo above in the queue (P)</source>
        <translation>목록에서 위의 사진 (P)</translation>
    </message>
    <message>
        <source>The photo below in the queue (N)</source>
        <translation>목록에서 아래의 사진 (N)</translation>
    </message>
    <message>
        <source>Draw box</source>
        <translation>상자 그리기</translation>
    </message>
    <message>
        <source>Draw the chosen category&apos;s box, a missing one or a new one over a wrong one (D); choose the category with 1, 2, ... or in the legend</source>
        <translation>선택한 종류의 상자를 그립니다. 빠진 상자나 잘못된 상자를 대신할 새 상자 (D). 종류는 1, 2, … 키나 범례에서 고르세요</translation>
    </message>
    <message>
        <source>Delete box</source>
        <translation>상자 삭제</translation>
    </message>
    <message>
        <source>Delete the chosen category&apos;s box (Delete)</source>
        <translation>선택한 종류의 상자를 삭제합니다 (Delete)</translation>
    </message>
    <message>
        <source>Not visible</source>
        <translation>보이지 않음</translation>
    </message>
    <message>
        <source>The chosen garment cannot be seen in the photo: no box, not counted as missing, not proposed again by Crop again (V; again to undo the mark)</source>
        <translation>선택한 옷이 사진에 보이지 않습니다: 상자 없음, 빠진 것으로 세지 않으며 다시 자르기에서도 다시 제안하지 않습니다 (V, 한 번 더 누르면 표시 해제)</translation>
    </message>
    <message>
        <source>Choose %1</source>
        <translation>%1 선택</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>축소 (-)</translation>
    </message>
    <message>
        <source>Zoom in (+, or the mouse wheel over the photo)</source>
        <translation>확대 (+ 또는 사진 위에서 마우스 휠)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>맞춤</translation>
    </message>
    <message>
        <source>Show the whole photo (0); drag with the middle button or with Space held to pan</source>
        <translation>사진 전체 보기 (0). 가운데 버튼으로 드래그하거나 Space를 누른 채 드래그하면 이동합니다</translation>
    </message>
    <message>
        <source>&lt;b&gt;Review queue&lt;/b&gt; (least certain first)</source>
        <translation>&lt;b&gt;검토 목록&lt;/b&gt; (확신이 낮은 순)</translation>
    </message>
    <message>
        <source>No photo to review yet.

Import outfit photos (File ▸ Import Photos, Ctrl+I, or drop them on the window): each is cropped into its garments, and the least certain crops come first here.</source>
        <translation>아직 검토할 사진이 없습니다.

코디 사진을 가져오세요 (파일 ▸ 사진 가져오기, Ctrl+I, 또는 창에 끌어다 놓기). 사진마다 옷별로 잘리고, 확신이 가장 낮은 크롭이 여기 먼저 나옵니다.</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>빠짐: %1</translation>
    </message>
    <message>
        <source>lowest confidence %1</source>
        <translation>최저 신뢰도 %1</translation>
    </message>
    <message>
        <source>no boxes</source>
        <translation>상자 없음</translation>
    </message>
    <message>
        <source>To review (%1)</source>
        <translation>검토 대기 (%1)</translation>
    </message>
    <message>
        <source>Reviewed (%1)</source>
        <translation>검토 완료 (%1)</translation>
    </message>
    <message>
        <source>Flagged (%1)</source>
        <translation>표시됨 (%1)</translation>
    </message>
    <message>
        <source>Photos whose crops nobody has accepted or flagged yet</source>
        <translation>아직 아무도 승인하거나 표시하지 않은 크롭의 사진</translation>
    </message>
    <message>
        <source>Photos whose crops a curator accepted</source>
        <translation>큐레이터가 크롭을 승인한 사진</translation>
    </message>
    <message>
        <source>Photos a curator flagged for attention</source>
        <translation>큐레이터가 확인이 필요하다고 표시한 사진</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n cropped photo(s) reviewed</source>
        <translation>
            <numerusform>잘린 사진 %n장 중 %1장 검토 완료</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n cropped photo(s) flagged</source>
        <translation>
            <numerusform>잘린 사진 %n장 중 %1장 표시됨</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n cropped photo(s) to review</source>
        <translation>
            <numerusform>잘린 사진 %n장 중 %1장 검토 대기</numerusform>
        </translation>
    </message>
    <message>
        <source>No photo in this list. The other lists hold the rest.</source>
        <translation>이 목록에는 사진이 없습니다. 나머지는 다른 목록에 있습니다.</translation>
    </message>
    <message>
        <source> · %1 of %2 in this list</source>
        <translation> · 이 목록의 %2장 중 %1번째</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2%3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2%3</translation>
    </message>
    <message>
        <source>%1: %2, confidence %3</source>
        <translation>%1: %2, 신뢰도 %3</translation>
    </message>
    <message>
        <source>%1: missing — press %2 and drag on the photo to draw it, or V if it cannot be seen</source>
        <translation>%1: 빠짐 — %2 키를 누르고 사진 위를 드래그해 그리거나, 보이지 않으면 V를 누르세요</translation>
    </message>
    <message>
        <source>%1: not visible</source>
        <translation>%1: 보이지 않음</translation>
    </message>
    <message>
        <source>Remove Box</source>
        <translation>상자 삭제</translation>
    </message>
    <message numerus="yes">
        <source>The %1 crop is part of %n saved outfit(s), which are deleted with it. Undo brings the crop back, not the outfits.</source>
        <translation>
            <numerusform>%1 크롭은 저장된 코디 %n개에 들어 있으며, 코디도 함께 삭제됩니다. 실행 취소하면 크롭은 돌아오지만 코디는 돌아오지 않습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>w2w::CropSession</name>
    <message>
        <source>Move %1 box</source>
        <translation>%1 상자 이동</translation>
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
        <source>Draw %1 box</source>
        <translation>%1 상자 그리기</translation>
    </message>
    <message>
        <source>Mark %1 not visible</source>
        <translation>%1 보이지 않음으로 표시</translation>
    </message>
    <message>
        <source>Delete %1 box</source>
        <translation>%1 상자 삭제</translation>
    </message>
    <message>
        <source>Mark %1 visible</source>
        <translation>%1 보임으로 표시</translation>
    </message>
    <message>
        <source>The %1 crop of this photo no longer exists.</source>
        <translation>이 사진의 %1 크롭이 더 이상 없습니다.</translation>
    </message>
</context>
<context>
    <name>w2w::EmbeddingMap</name>
    <message>
        <source>%1 item %2</source>
        <translation>%1 아이템 %2</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>선택됨</translation>
    </message>
    <message>
        <source>Crops on the two main axes of their embeddings (PCA)</source>
        <translation>임베딩의 두 주축 위의 크롭 (PCA)</translation>
    </message>
    <message>
        <source>No embeddings yet: encode the library to see the map.</source>
        <translation>아직 임베딩이 없습니다: 지도를 보려면 라이브러리를 인코딩하세요.</translation>
    </message>
    <message numerus="yes">
        <source>%n crop(s). %1 Click a point to select its item.</source>
        <translation>
            <numerusform>크롭 %n개. %1 점을 클릭하면 해당 아이템을 선택합니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Axis 1 explains %1% of the variance, axis 2 %2%.</source>
        <translation>축 1이 분산의 %1%, 축 2가 %2%를 설명합니다.</translation>
    </message>
</context>
<context>
    <name>w2w::EmbeddingsView</name>
    <message>
        <source>&lt;b&gt;Encoder:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Device:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;인코더:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;장치:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>%1 when available</source>
        <translation>가능하면 %1</translation>
    </message>
    <message>
        <source>Encode library</source>
        <translation>라이브러리 인코딩</translation>
    </message>
    <message>
        <source>Change encoder…</source>
        <translation>인코더 변경…</translation>
    </message>
    <message>
        <source>Show in library</source>
        <translation>라이브러리에서 보기</translation>
    </message>
    <message>
        <source>Click a point to see its crop.</source>
        <translation>점을 클릭하면 크롭을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>%1, item %2%3</source>
        <translation>%1, 아이템 %2%3</translation>
    </message>
    <message>
        <source> (photo %1)</source>
        <translation> (사진 %1)</translation>
    </message>
    <message>
        <source>Encoding the library</source>
        <translation>라이브러리 인코딩 중</translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation>열린 라이브러리가 없습니다.</translation>
    </message>
    <message>
        <source>No crops yet: import outfit photos or single items (File menu). Each crop is encoded as soon as it exists and appears on the map.</source>
        <translation>아직 크롭이 없습니다: 코디 사진이나 단품 사진을 가져오세요 (파일 메뉴). 크롭은 생기는 즉시 인코딩되어 지도에 나타납니다.</translation>
    </message>
    <message>
        <source>%1 of %2 items encoded with this encoder; Encode library (Ctrl+E) encodes the rest.</source>
        <translation>아이템 %2개 중 %1개가 이 인코더로 인코딩됨. 라이브러리 인코딩(Ctrl+E)으로 나머지를 인코딩합니다.</translation>
    </message>
    <message>
        <source>%1 of %2 items encoded with this encoder</source>
        <translation>아이템 %2개 중 %1개가 이 인코더로 인코딩됨</translation>
    </message>
    <message>
        <source>Encode every crop that has no embedding for this encoder yet</source>
        <translation>이 인코더의 임베딩이 아직 없는 모든 크롭을 인코딩합니다</translation>
    </message>
</context>
<context>
    <name>w2w::EncoderService</name>
    <message>
        <source>Basic (colour, texture, shape; not FashionCLIP)</source>
        <translation>기본 (색상, 질감, 형태; FashionCLIP 아님)</translation>
    </message>
    <message>
        <source>FashionCLIP (%1)</source>
        <translation>FashionCLIP (%1)</translation>
    </message>
    <message>
        <source>TorchScript (%1)</source>
        <translation>TorchScript (%1)</translation>
    </message>
</context>
<context>
    <name>w2w::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>COCO annotations (boxes, masks, outfits)</source>
        <translation>COCO 주석 (박스, 마스크, 코디)</translation>
    </message>
    <message>
        <source>Crop images (a folder per category)</source>
        <translation>크롭 이미지 (카테고리별 폴더)</translation>
    </message>
    <message>
        <source>Embeddings and pair similarities</source>
        <translation>임베딩과 쌍 유사도</translation>
    </message>
    <message>
        <source>Lookbook of the saved outfits (PDF and pictures)</source>
        <translation>저장한 코디의 룩북 (PDF와 이미지)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>찾아보기(&amp;B)…</translation>
    </message>
    <message>
        <source>Leave out fla&amp;gged photos</source>
        <translation>표시한 사진 제외(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Encoder:</source>
        <translation>인코더(&amp;E):</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n vector(s))</source>
        <translation>
            <numerusform>%1 (벡터 %n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Replace an existing output</source>
        <translation>기존 결과 바꾸기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>형식(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>저장 위치(&amp;S):</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>내보내기(&amp;X)</translation>
    </message>
    <message>
        <source>One JSON file: every photo with its boxes and masks as COCO annotations, plus outfit membership, whether each box was edited, and its review state.</source>
        <translation>JSON 파일 하나: 모든 사진의 박스와 마스크를 COCO 주석으로 담고, 코디 구성, 박스 수정 여부, 검토 상태를 함께 기록합니다.</translation>
    </message>
    <message>
        <source>A folder with the crop images the encoder sees, one sub-folder per category, and a manifest (CSV and JSON).</source>
        <translation>인코더가 보는 크롭 이미지를 카테고리별 하위 폴더에 담은 폴더와 목록 파일(CSV, JSON)입니다.</translation>
    </message>
    <message>
        <source>A folder with the encoder&apos;s vectors (safetensors), the items (CSV) and the pair similarities of photo and saved outfits (CSV).</source>
        <translation>인코더 벡터(safetensors), 아이템 목록(CSV), 사진 코디와 저장한 코디의 쌍 유사도(CSV)를 담은 폴더입니다.</translation>
    </message>
    <message>
        <source>The library has no embeddings yet: encode it on the Embeddings tab first.</source>
        <translation>라이브러리에 아직 임베딩이 없습니다. 먼저 임베딩 탭에서 인코딩하세요.</translation>
    </message>
    <message>
        <source>A folder with lookbook.pdf (one saved outfit per page) and a picture of each page. Use a trained model (Model menu) to add each outfit&apos;s score.</source>
        <translation>lookbook.pdf(페이지마다 저장한 코디 하나)와 각 페이지의 이미지를 담은 폴더입니다. 코디별 점수를 넣으려면 학습된 모델을 사용하세요(모델 메뉴).</translation>
    </message>
    <message>
        <source>A folder with lookbook.pdf (one saved outfit per page, with its score from the trained model in use) and a picture of each page.</source>
        <translation>lookbook.pdf(페이지마다 저장한 코디 하나와 사용 중인 학습 모델의 점수)와 각 페이지의 이미지를 담은 폴더입니다.</translation>
    </message>
    <message>
        <source>Export to a Folder</source>
        <translation>폴더로 내보내기</translation>
    </message>
    <message>
        <source>Export COCO Annotations</source>
        <translation>COCO 주석 내보내기</translation>
    </message>
    <message>
        <source>COCO annotations (*.json)</source>
        <translation>COCO 주석 (*.json)</translation>
    </message>
    <message>
        <source>%1 exists and is not empty: tick &quot;Replace an existing output&quot; to replace it.</source>
        <translation>%1이(가) 이미 있고 비어 있지 않습니다. 바꾸려면 &quot;기존 결과 바꾸기&quot;를 선택하세요.</translation>
    </message>
</context>
<context>
    <name>w2w::HeatmapOverlay</name>
    <message>
        <source>Heat opacity</source>
        <translation>히트맵 불투명도</translation>
    </message>
</context>
<context>
    <name>w2w::HeatmapsView</name>
    <message>
        <source>&lt;b&gt;Outfit&lt;/b&gt;: pair similarities (click a cell for its spatial map)</source>
        <translation>&lt;b&gt;코디&lt;/b&gt;: 쌍 유사도 (칸을 클릭하면 공간 히트맵)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Items&lt;/b&gt;: select crops or photos in the library and press Ctrl+K to compare them here</source>
        <translation>&lt;b&gt;아이템&lt;/b&gt;: 라이브러리에서 크롭이나 사진을 선택하고 Ctrl+K를 눌러 여기서 비교하세요</translation>
    </message>
    <message>
        <source>&lt;b&gt;Items&lt;/b&gt;: similarity of every pair (click a cell: which regions of the row item drive its similarity to the column item)</source>
        <translation>&lt;b&gt;아이템&lt;/b&gt;: 모든 쌍의 유사도 (칸을 클릭: 행 아이템의 어느 영역이 열 아이템과의 유사도를 좌우하는지)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Spatial map&lt;/b&gt;: the regions that matter most glow brightest</source>
        <translation>&lt;b&gt;공간 히트맵&lt;/b&gt;: 가장 중요한 영역이 가장 밝게 빛납니다</translation>
    </message>
    <message>
        <source>The outfit board</source>
        <translation>코디 보드</translation>
    </message>
    <message>
        <source>Photo %1</source>
        <translation>사진 %1</translation>
    </message>
    <message>
        <source>Outfit %1</source>
        <translation>코디 %1</translation>
    </message>
    <message>
        <source>Similarity %1; the brightest regions lose the most similarity when hidden.</source>
        <translation>유사도 %1; 가장 밝은 영역을 가리면 유사도가 가장 많이 떨어집니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Outfit&lt;/b&gt;: nothing to show yet. Put pieces on the outfit board, or choose a saved outfit or a photo&apos;s outfit below.</source>
        <translation>&lt;b&gt;코디&lt;/b&gt;: 아직 보여 줄 것이 없습니다. 코디 보드에 아이템을 놓거나, 아래에서 저장한 코디나 사진의 코디를 고르세요.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Spatial map&lt;/b&gt;: %1 compared with %2 — computing…</source>
        <translation>&lt;b&gt;공간 맵&lt;/b&gt;: %1와(과) %2 비교 — 계산 중…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Spatial map&lt;/b&gt;: which regions of %1 drive its similarity to %2</source>
        <translation>&lt;b&gt;공간 맵&lt;/b&gt;: %1의 어느 부분이 %2와(과)의 유사도를 좌우하는지</translation>
    </message>
</context>
<context>
    <name>w2w::ItemSlot</name>
    <message>
        <source>Double-click a piece in the wardrobe, or drag one here</source>
        <translation>옷장에서 아이템을 두 번 클릭하거나 여기로 끌어 놓으세요</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>비어 있음</translation>
    </message>
</context>
<context>
    <name>w2w::LibraryController</name>
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
    <message>
        <source>No library is open.</source>
        <translation>열린 라이브러리가 없습니다.</translation>
    </message>
    <message>
        <source>A tag needs a name.</source>
        <translation>태그에는 이름이 필요합니다.</translation>
    </message>
    <message numerus="yes">
        <source>Cropping %n photo(s) again</source>
        <translation>
            <numerusform>사진 %n장 다시 크롭하는 중</numerusform>
        </translation>
    </message>
    <message>
        <source>item %1 (not in the library)</source>
        <translation>아이템 %1 (라이브러리에 없음)</translation>
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
    <message>
        <source> · encoded</source>
        <translation> · 인코딩됨</translation>
    </message>
    <message>
        <source>outer layer</source>
        <translation>아우터</translation>
    </message>
    <message>
        <source>one-piece</source>
        <translation>원피스</translation>
    </message>
    <message>
        <source>bag</source>
        <translation>가방</translation>
    </message>
    <message>
        <source>accessory</source>
        <translation>액세서리</translation>
    </message>
</context>
<context>
    <name>w2w::LibraryView</name>
    <message>
        <source>Photos and items</source>
        <translation>사진과 아이템</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>사진</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>아이템</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>모든 범주</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>모든 상태</translation>
    </message>
    <message>
        <source>New (not cropped)</source>
        <translation>새 사진 (크롭 전)</translation>
    </message>
    <message>
        <source>Processed</source>
        <translation>처리됨</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>검토됨</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>표시됨</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Edited crops</source>
        <translation>수정된 크롭</translation>
    </message>
    <message>
        <source>Encoded</source>
        <translation>인코딩됨</translation>
    </message>
    <message>
        <source>Not encoded</source>
        <translation>인코딩 안 됨</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>모든 태그</translation>
    </message>
    <message>
        <source>Hide the import report</source>
        <translation>가져오기 보고서 숨기기</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%2개 중 %1개 표시</translation>
    </message>
    <message>
        <source>%1: added</source>
        <translation>%1: 추가됨</translation>
    </message>
    <message>
        <source>%1: added, but %2</source>
        <translation>%1: 추가됨, 다만 %2</translation>
    </message>
    <message>
        <source>%1: already in the library</source>
        <translation>%1: 이미 라이브러리에 있음</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 added, %3 already there, %4 failed%5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2개 추가, %3개 이미 있음, %4개 실패%5</translation>
    </message>
    <message>
        <source> (cancelled: the rest was not imported)</source>
        <translation> (취소됨: 나머지는 가져오지 않았습니다)</translation>
    </message>
    <message>
        <source>Add a tag to the selection…</source>
        <translation>선택 항목에 태그 추가…</translation>
    </message>
    <message>
        <source>Remove a tag from the selection…</source>
        <translation>선택 항목에서 태그 제거…</translation>
    </message>
    <message>
        <source>Select photos or items first.</source>
        <translation>먼저 사진이나 아이템을 선택하세요.</translation>
    </message>
    <message>
        <source>Add a tag</source>
        <translation>태그 추가</translation>
    </message>
    <message>
        <source>Remove a tag</source>
        <translation>태그 제거</translation>
    </message>
    <message numerus="yes">
        <source>Tag for the %n selected photo(s) and item(s):</source>
        <translation>
            <numerusform>선택한 사진·아이템 %n개에 붙일 태그:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag to remove from the %n selected photo(s) and item(s):</source>
        <translation>
            <numerusform>선택한 사진·아이템 %n개에서 뗄 태그:</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot change the tags</source>
        <translation>태그를 바꿀 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot remove</source>
        <translation>제거할 수 없습니다</translation>
    </message>
    <message>
        <source>Remove from the library…</source>
        <translation>라이브러리에서 제거…</translation>
    </message>
    <message>
        <source>Remove from the library</source>
        <translation>라이브러리에서 제거</translation>
    </message>
    <message>
        <source>Remove %1 and %2 from the library? Their crops, embeddings and the outfits that use them go too; the image files stay on disk. This cannot be undone.</source>
        <translation>%1과(와) %2을(를) 라이브러리에서 제거할까요? 크롭, 임베딩, 이들을 쓰는 코디도 함께 사라집니다. 이미지 파일은 디스크에 남습니다. 되돌릴 수 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>사진 %n장</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>아이템 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Crop the selected photos again</source>
        <translation>선택한 사진 다시 크롭</translation>
    </message>
    <message>
        <source>Run the crop pipeline again: automatic crops are replaced, edited ones kept</source>
        <translation>크롭 파이프라인을 다시 실행합니다: 자동 크롭은 바뀌고, 편집한 크롭은 유지됩니다</translation>
    </message>
    <message>
        <source>Filter by name, tag or category</source>
        <translation>이름, 태그, 종류로 거르기</translation>
    </message>
    <message>
        <source>Put on the board</source>
        <translation>보드에 놓기</translation>
    </message>
    <message>
        <source>Put the selected pieces (a photo: its crops) on the outfit board (Enter on an item)</source>
        <translation>선택한 아이템(사진이면 그 크롭)을 코디 보드에 놓습니다 (아이템에서 Enter)</translation>
    </message>
    <message>
        <source>Complete the look from this</source>
        <translation>이 아이템으로 룩 완성하기</translation>
    </message>
    <message>
        <source>Show what goes with the selected pieces in the recommendations</source>
        <translation>선택한 아이템과 어울리는 것을 추천 보기에서 보여 줍니다</translation>
    </message>
    <message>
        <source>Edit the crops</source>
        <translation>크롭 편집</translation>
    </message>
    <message>
        <source>Open the photo in the crop editor (Enter on a photo)</source>
        <translation>사진을 크롭 편집기에서 엽니다 (사진에서 Enter)</translation>
    </message>
    <message>
        <source>This library is empty. Import outfit photos with File ▸ Import Photos (Ctrl+I) or Import Folder (Ctrl+Shift+I), or drop photos or folders on this window. Each photo is cropped into its top, bottom and shoes.</source>
        <translation>라이브러리가 비어 있습니다. 파일 ▸ 사진 가져오기(Ctrl+I)나 폴더 가져오기(Ctrl+Shift+I)로 코디 사진을 가져오거나, 사진이나 폴더를 이 창에 끌어 놓으세요. 사진마다 상의, 하의, 신발이 크롭됩니다.</translation>
    </message>
    <message>
        <source>Nothing matches the filters.</source>
        <translation>필터에 맞는 항목이 없습니다.</translation>
    </message>
</context>
<context>
    <name>w2w::LogDialog</name>
    <message>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>다시 읽기(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;Folder</source>
        <translation>폴더 열기(&amp;F)</translation>
    </message>
    <message>
        <source>The studio writes what goes wrong out of sight to %1.</source>
        <translation>스튜디오는 화면에 보이지 않는 곳에서 생긴 문제를 %1에 기록합니다.</translation>
    </message>
    <message>
        <source>The log is empty: nothing has gone wrong so far.</source>
        <translation>로그가 비어 있습니다. 지금까지 문제가 없었습니다.</translation>
    </message>
</context>
<context>
    <name>w2w::LossChart</name>
    <message>
        <source>Loss per epoch</source>
        <translation>에폭별 손실</translation>
    </message>
    <message>
        <source>Train (step)</source>
        <translation>학습 (스텝)</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>Val. AUC</source>
        <translation>검증 AUC</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <source>Start training to see the losses</source>
        <translation>학습을 시작하면 손실이 표시됩니다</translation>
    </message>
    <message>
        <source>%1 train</source>
        <translation>%1 학습</translation>
    </message>
    <message>
        <source>%1 AUC</source>
        <translation>%1 AUC</translation>
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
    <message>
        <source>Take a recommendation</source>
        <translation>추천 적용</translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation>임베딩</translation>
    </message>
    <message>
        <source>Outfit board</source>
        <translation>코디 보드</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>추천</translation>
    </message>
    <message>
        <source>Heatmaps</source>
        <translation>히트맵</translation>
    </message>
    <message>
        <source>&amp;Compare Selected in Heatmaps</source>
        <translation>선택 항목을 히트맵에서 비교(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>모델(&amp;M)</translation>
    </message>
    <message>
        <source>Use a &amp;Trained Model…</source>
        <translation>학습된 모델 사용(&amp;T)…</translation>
    </message>
    <message>
        <source>Use the &amp;Untrained Baseline</source>
        <translation>학습하지 않은 기준선 사용(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <source>Put pieces on the board</source>
        <translation>보드에 아이템 놓기</translation>
    </message>
    <message>
        <source>Select crops or photos in the library first</source>
        <translation>먼저 라이브러리에서 크롭이나 사진을 선택하세요</translation>
    </message>
    <message>
        <source>Trained Model (a checkpoint folder)</source>
        <translation>학습된 모델 (체크포인트 폴더)</translation>
    </message>
    <message>
        <source>Cannot use this model</source>
        <translation>이 모델을 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Encoding new crops failed: %1</source>
        <translation>새 크롭 인코딩 실패: %1</translation>
    </message>
    <message>
        <source>Run %1 paused; Resume (Ctrl+P) trains on from its last checkpoint</source>
        <translation>실행 %1 일시 정지됨. 재개(Ctrl+P)하면 마지막 체크포인트부터 이어서 학습합니다</translation>
    </message>
    <message>
        <source>Put pieces from the library on the board</source>
        <translation>라이브러리의 아이템을 보드에 놓기</translation>
    </message>
    <message>
        <source>What2Wear Studio — %1 (read-only)</source>
        <translation>What2Wear Studio — %1 (읽기 전용)</translation>
    </message>
    <message>
        <source>Encoding new crops…</source>
        <translation>새 크롭 인코딩 중…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Next View</source>
        <translation>다음 보기(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous View</source>
        <translation>이전 보기(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>실행 취소: %1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>다시 실행: %1(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Read-only (changes cannot be saved): </source>
        <translation>읽기 전용 (변경 사항을 저장할 수 없음): </translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>내보내는 중</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written</source>
        <translation>내보내기 취소: 아무것도 기록하지 않았습니다</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>%1(으)로 내보냈습니다</translation>
    </message>
    <message>
        <source>Show &amp;Log…</source>
        <translation>로그 보기(&amp;L)…</translation>
    </message>
</context>
<context>
    <name>w2w::OutfitBoardView</name>
    <message>
        <source>Save Outfit</source>
        <translation>코디 저장</translation>
    </message>
    <message>
        <source>Cannot save the outfit</source>
        <translation>코디를 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>Clear board</source>
        <translation>보드 비우기</translation>
    </message>
    <message>
        <source>Modify at random</source>
        <translation>무작위로 바꾸기</translation>
    </message>
    <message>
        <source>Complete the look</source>
        <translation>룩 완성하기</translation>
    </message>
    <message>
        <source>Show recommendations</source>
        <translation>추천 보기</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>Put %1 on the board</source>
        <translation>보드에 %1 놓기</translation>
    </message>
    <message>
        <source>Put a photo&apos;s outfit on the board</source>
        <translation>사진의 코디를 보드에 놓기</translation>
    </message>
    <message>
        <source>Preparing candidates…</source>
        <translation>후보 준비 중…</translation>
    </message>
    <message>
        <source>No candidates: %1</source>
        <translation>후보 없음: %1</translation>
    </message>
    <message>
        <source>%1–%2: %3</source>
        <translation>%1–%2: %3</translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation>열린 라이브러리가 없습니다.</translation>
    </message>
    <message>
        <source>The outfit is no longer in the library.</source>
        <translation>이 코디는 더 이상 라이브러리에 없습니다.</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 열기</translation>
    </message>
    <message>
        <source>Outfit %1</source>
        <translation>코디 %1</translation>
    </message>
    <message>
        <source>Clear the board</source>
        <translation>보드 비우기</translation>
    </message>
    <message>
        <source>Replace two pieces, chosen at random, with pieces of other outfits: the seed&apos;s modified outfit</source>
        <translation>무작위로 고른 두 아이템을 다른 코디의 아이템으로 바꿉니다: 시드 방식의 변형 코디</translation>
    </message>
    <message>
        <source>Fill the empty slots with the pieces that go best with the others</source>
        <translation>빈 칸을 나머지와 가장 잘 어울리는 아이템으로 채웁니다</translation>
    </message>
    <message>
        <source>Open the recommendations for these pieces: what completes the look, or alternatives for each</source>
        <translation>이 아이템들의 추천을 엽니다: 룩을 완성할 아이템, 또는 각 아이템의 대안</translation>
    </message>
    <message>
        <source>Save outfit…</source>
        <translation>코디 저장…</translation>
    </message>
    <message>
        <source>Save the pieces as an outfit in the library (listed under Saved outfits)</source>
        <translation>아이템들을 라이브러리에 코디로 저장합니다 (저장한 코디에 나열됨)</translation>
    </message>
    <message>
        <source>Remove piece</source>
        <translation>아이템 빼기</translation>
    </message>
    <message>
        <source>Empty the selected slot</source>
        <translation>선택한 칸 비우기</translation>
    </message>
    <message>
        <source>Empty every slot</source>
        <translation>모든 칸 비우기</translation>
    </message>
    <message>
        <source>Wardrobe</source>
        <translation>옷장</translation>
    </message>
    <message>
        <source>Best for this slot</source>
        <translation>이 칸에 가장 잘 맞는 아이템</translation>
    </message>
    <message>
        <source>Saved outfits</source>
        <translation>저장한 코디</translation>
    </message>
    <message>
        <source>Remove the %1</source>
        <translation>%1 빼기</translation>
    </message>
    <message>
        <source>The %1 slot is already empty.</source>
        <translation>%1 칸은 이미 비어 있습니다.</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 빼기</translation>
    </message>
    <message>
        <source>Put pieces in the other slots: the %1 pieces that go best with them are listed here. Double-click one to swap it in.</source>
        <translation>다른 칸에 아이템을 놓으면 그와 가장 잘 어울리는 %1 아이템이 여기에 나옵니다. 두 번 클릭하면 바꿔 넣습니다.</translation>
    </message>
    <message>
        <source>The best %1 pieces for the others on the board (double-click to swap):</source>
        <translation>보드의 나머지와 가장 잘 어울리는 %1 아이템 (두 번 클릭하면 바꿈):</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>점수 %1</translation>
    </message>
    <message>
        <source>score %1, %2</source>
        <translation>점수 %1, %2</translation>
    </message>
    <message>
        <source>Modify at random takes pieces from other outfits, and the library has no outfit that shares no piece with this one. Import more outfit photos.</source>
        <translation>무작위로 바꾸기는 다른 코디에서 아이템을 가져오는데, 라이브러리에 이 코디와 겹치는 아이템이 없는 코디가 없습니다. 코디 사진을 더 가져오세요.</translation>
    </message>
    <message>
        <source>Modified at random (the seed&apos;s modified outfit): new pieces from other outfits for %1.</source>
        <translation>무작위로 바꿨습니다 (시드 방식의 변형 코디): %1에 다른 코디의 아이템을 넣었습니다.</translation>
    </message>
    <message>
        <source>Complete the look starts from the pieces on the board: put at least one there first.</source>
        <translation>룩 완성하기는 보드 위의 아이템에서 시작합니다: 먼저 하나 이상 놓으세요.</translation>
    </message>
    <message>
        <source>The candidates are still being prepared; try again in a moment.</source>
        <translation>후보를 아직 준비하는 중입니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Cannot complete the look: %1</source>
        <translation>룩을 완성할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>%1 is not encoded yet: encode the library first (Embeddings view).</source>
        <translation>%1은(는) 아직 인코딩되지 않았습니다: 먼저 라이브러리를 인코딩하세요 (임베딩 보기).</translation>
    </message>
    <message>
        <source>Completed the look with %1.</source>
        <translation>%1(으)로 룩을 완성했습니다.</translation>
    </message>
    <message>
        <source>Name of the outfit:</source>
        <translation>코디 이름:</translation>
    </message>
    <message>
        <source>This outfit is already saved as “%1”.</source>
        <translation>이 코디는 이미 “%1”(으)로 저장되어 있습니다.</translation>
    </message>
    <message>
        <source>Saved “%1” in the library: it is listed under Saved outfits, and undo on the board does not remove it.</source>
        <translation>라이브러리에 “%1”을(를) 저장했습니다: 저장한 코디에 나열되며, 보드에서 실행 취소해도 지워지지 않습니다.</translation>
    </message>
    <message>
        <source>A piece of this outfit is no longer in the library.</source>
        <translation>이 코디의 아이템 중 하나가 더 이상 라이브러리에 없습니다.</translation>
    </message>
    <message>
        <source>“%1” is on the board.</source>
        <translation>“%1”이(가) 보드에 있습니다.</translation>
    </message>
    <message>
        <source>Start here: double-click pieces in the wardrobe on the right (or drag them onto a slot). In the Library, right-click an item ▸ Put on the board, or press Enter on it.</source>
        <translation>여기서 시작하세요: 오른쪽 옷장에서 아이템을 두 번 클릭하세요 (또는 칸으로 끌어 놓기). 라이브러리에서는 아이템을 오른쪽 클릭 ▸ 보드에 놓기, 또는 Enter를 누르세요.</translation>
    </message>
    <message>
        <source>%1 and %2, or %3</source>
        <translation>%1와 %2, 또는 %3</translation>
    </message>
    <message>
        <source>%1 cannot be worn with the pieces on the board</source>
        <translation>%1은(는) 보드에 있는 아이템과 함께 입을 수 없습니다</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;font-size:14pt&apos;&gt;Make a whole outfit to see how well the pieces go together&lt;/span&gt;&lt;br&gt;Still needed: %1</source>
        <translation>&lt;span style=&apos;font-size:14pt&apos;&gt;아이템이 얼마나 잘 어울리는지 보려면 코디를 완성하세요&lt;/span&gt;&lt;br&gt;아직 필요한 것: %1</translation>
    </message>
    <message>
        <source>Modify at random changes a whole outfit: make one on the board first (still needed: %1).</source>
        <translation>무작위 변형은 완성된 코디를 바꿉니다. 먼저 보드에서 코디를 완성하세요 (아직 필요한 것: %1).</translation>
    </message>
    <message>
        <source>Modify at random takes pieces from other outfits, and no other outfit has pieces of the kinds on the board.</source>
        <translation>무작위 변형은 다른 코디에서 아이템을 가져오는데, 보드에 있는 종류의 아이템을 가진 다른 코디가 없습니다.</translation>
    </message>
    <message>
        <source>The board holds a whole outfit, so there is nothing to complete. To try other pieces, select a slot and press Delete to empty it, or press Show recommendations (Ctrl+R) for alternatives to every piece and for an outer layer, bag or accessory.</source>
        <translation>보드에 이미 완성된 코디가 있어 더 채울 것이 없습니다. 다른 아이템을 시도하려면 슬롯을 선택하고 Delete를 눌러 비우거나, 추천 보기(Ctrl+R)를 눌러 각 아이템의 대안과 아우터, 가방, 액세서리를 확인하세요.</translation>
    </message>
    <message>
        <source>No piece in the library completes this look: the missing kinds have no encoded candidates.</source>
        <translation>라이브러리에 이 룩을 완성할 아이템이 없습니다. 부족한 종류에 인코딩된 후보가 없습니다.</translation>
    </message>
    <message>
        <source>The pieces make no outfit yet. Still needed: %1.</source>
        <translation>아직 코디가 완성되지 않았습니다. 아직 필요한 것: %1.</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>%1 실행 취소</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>실행 취소할 작업이 없습니다</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>%1 다시 실행</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>다시 실행할 작업이 없습니다</translation>
    </message>
    <message>
        <source>outfit score (the mean of the pair similarities)</source>
        <translation>코디 점수 (쌍 유사도의 평균)</translation>
    </message>
</context>
<context>
    <name>w2w::PhotoStatus</name>
    <message>
        <source>not cropped yet</source>
        <translation>아직 자르지 않음</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>검토 대기</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>검토 완료</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>표시됨</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
</context>
<context>
    <name>w2w::RecommendationsView</name>
    <message>
        <source>%1–%2 similarity %3</source>
        <translation>%1–%2 유사도 %3</translation>
    </message>
    <message>
        <source>Diversity:</source>
        <translation>다양성:</translation>
    </message>
    <message>
        <source>Left: rank by score alone. Right: prefer suggestions unlike each other.</source>
        <translation>왼쪽: 점수로만 순위. 오른쪽: 서로 다른 추천을 선호.</translation>
    </message>
    <message>
        <source>Only items tagged:</source>
        <translation>이 태그의 아이템만:</translation>
    </message>
    <message>
        <source>Leave out crops of the same photo</source>
        <translation>같은 사진의 크롭은 제외</translation>
    </message>
    <message>
        <source>Leave out items already in saved outfits</source>
        <translation>저장된 코디에 있는 아이템은 제외</translation>
    </message>
    <message>
        <source>(any tag)</source>
        <translation>(모든 태그)</translation>
    </message>
    <message>
        <source>Whole outfits (double-click to put one on the board)</source>
        <translation>전체 코디 (두 번 클릭하면 보드에 놓기)</translation>
    </message>
    <message>
        <source>Preparing candidates…</source>
        <translation>후보 준비 중…</translation>
    </message>
    <message>
        <source>No recommendations: %1</source>
        <translation>추천 없음: %1</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>점수 %1</translation>
    </message>
    <message>
        <source>score %1, %2</source>
        <translation>점수 %1, %2</translation>
    </message>
    <message>
        <source>Suggestions per slot:</source>
        <translation>칸별 추천:</translation>
    </message>
    <message>
        <source>Remove the piece</source>
        <translation>아이템 빼기</translation>
    </message>
    <message>
        <source>Other %1 pieces that suit the rest</source>
        <translation>나머지와 어울리는 다른 %1 아이템</translation>
    </message>
    <message>
        <source>%1 pieces that complete the look</source>
        <translation>룩을 완성하는 %1 아이템</translation>
    </message>
    <message>
        <source>Start with a piece: double-click one in the wardrobe on the right, or press &quot;Show recommendations&quot; on the outfit board. %1</source>
        <translation>아이템 하나로 시작하세요: 오른쪽 옷장에서 두 번 클릭하거나, 코디 보드에서 &quot;추천 보기&quot;를 누르세요. %1</translation>
    </message>
    <message>
        <source>%1 is not encoded yet: encode the library first (Embeddings view).</source>
        <translation>%1은(는) 아직 인코딩되지 않았습니다: 먼저 라이브러리를 인코딩하세요 (임베딩 보기).</translation>
    </message>
    <message>
        <source>The pieces make a whole outfit: the lists of the kinds on it show the pieces that could replace one, with the others kept. %1 %2</source>
        <translation>아이템이 완성된 코디를 이룹니다. 각 종류의 목록에는 나머지는 그대로 두고 하나를 바꿀 수 있는 아이템이 나옵니다. %1 %2</translation>
    </message>
    <message>
        <source>Nothing to suggest for: %1.</source>
        <translation>추천할 것이 없는 종류: %1.</translation>
    </message>
</context>
<context>
    <name>w2w::RocChart</name>
    <message>
        <source>ROC curve (AUC %1, epoch %2)</source>
        <translation>ROC 곡선 (AUC %1, 에폭 %2)</translation>
    </message>
    <message>
        <source>ROC curve</source>
        <translation>ROC 곡선</translation>
    </message>
    <message>
        <source>Real vs modified</source>
        <translation>실제 대 변형</translation>
    </message>
    <message>
        <source>Chance</source>
        <translation>무작위</translation>
    </message>
    <message>
        <source>False positive rate</source>
        <translation>거짓 양성 비율</translation>
    </message>
    <message>
        <source>True positive rate</source>
        <translation>참 양성 비율</translation>
    </message>
    <message>
        <source>Shown after the first epoch</source>
        <translation>첫 에폭이 끝나면 표시됩니다</translation>
    </message>
</context>
<context>
    <name>w2w::RunHistoryTable</name>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Encoder</source>
        <translation>인코더</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>Best val. AUC</source>
        <translation>최고 검증 AUC</translation>
    </message>
    <message>
        <source>FITB</source>
        <translation>FITB</translation>
    </message>
    <message>
        <source>running</source>
        <translation>학습 중</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation>조기 종료</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>발산</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Used for recommendations</source>
        <translation>추천에 사용 중</translation>
    </message>
</context>
<context>
    <name>w2w::SavedOutfitsPanel</name>
    <message>
        <source>Outfit %1</source>
        <translation>코디 %1</translation>
    </message>
    <message>
        <source>Rename Outfit</source>
        <translation>코디 이름 바꾸기</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>Cannot rename the outfit</source>
        <translation>코디 이름을 바꿀 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot delete the outfit</source>
        <translation>코디를 삭제할 수 없습니다</translation>
    </message>
    <message>
        <source>Put on the board</source>
        <translation>보드에 놓기</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <source>Delete from the library…</source>
        <translation>라이브러리에서 삭제…</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>점수 %1</translation>
    </message>
    <message>
        <source>score %1, %2</source>
        <translation>점수 %1, %2</translation>
    </message>
    <message>
        <source>no score: %1</source>
        <translation>점수 없음: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Saved outfits&lt;/b&gt; (%1)</source>
        <translation>&lt;b&gt;저장한 코디&lt;/b&gt; (%1)</translation>
    </message>
    <message>
        <source>Outfits saved on the board (Save outfit, Ctrl+S) appear here.</source>
        <translation>보드에서 저장한 코디(코디 저장, Ctrl+S)가 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>Double-click an outfit to put it on the board; F2 renames it, Delete removes it from the library</source>
        <translation>코디를 두 번 클릭하면 보드에 놓입니다. F2는 이름 바꾸기, Delete는 라이브러리에서 삭제입니다</translation>
    </message>
    <message>
        <source>Choose a saved outfit first.</source>
        <translation>먼저 저장한 코디를 고르세요.</translation>
    </message>
    <message>
        <source>The outfit is no longer in the library.</source>
        <translation>이 코디는 더 이상 라이브러리에 없습니다.</translation>
    </message>
    <message>
        <source>Delete the saved outfit</source>
        <translation>저장한 코디 삭제</translation>
    </message>
    <message>
        <source>Delete “%1” from the library? Its pieces stay in the library. This cannot be undone.</source>
        <translation>라이브러리에서 “%1”을(를) 삭제할까요? 아이템들은 라이브러리에 남습니다. 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation>열린 라이브러리가 없습니다.</translation>
    </message>
</context>
<context>
    <name>w2w::ScoreHistogramChart</name>
    <message>
        <source>Outfit scores, real vs modified (epoch %1)</source>
        <translation>코디 점수: 실제 대 변형 (에폭 %1)</translation>
    </message>
    <message>
        <source>Outfit scores, real vs modified</source>
        <translation>코디 점수: 실제 대 변형</translation>
    </message>
    <message>
        <source>Real (mean %1)</source>
        <translation>실제 (평균 %1)</translation>
    </message>
    <message>
        <source>Real</source>
        <translation>실제</translation>
    </message>
    <message>
        <source>Modified (mean %1)</source>
        <translation>변형 (평균 %1)</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>변형</translation>
    </message>
    <message>
        <source>Share of outfits</source>
        <translation>코디 비율</translation>
    </message>
    <message>
        <source>Shown after the first epoch</source>
        <translation>첫 에폭이 끝나면 표시됩니다</translation>
    </message>
    <message>
        <source>Outfit score</source>
        <translation>코디 점수</translation>
    </message>
    <message>
        <source>Outfit score: the mean similarity of the outfit&apos;s pairs of garments</source>
        <translation>코디 점수: 코디에 있는 옷 쌍들의 유사도 평균</translation>
    </message>
</context>
<context>
    <name>w2w::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Install from a folder…</source>
        <translation>폴더에서 설치…</translation>
    </message>
    <message>
        <source>Download FashionCLIP…</source>
        <translation>FashionCLIP 다운로드…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Automatic (CUDA when available)</source>
        <translation>자동 (가능하면 CUDA)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <source>Encoder:</source>
        <translation>인코더:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>장치:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>언어:</translation>
    </message>
    <message>
        <source>New libraries in:</source>
        <translation>새 라이브러리 위치:</translation>
    </message>
    <message>
        <source>Folder for New Libraries</source>
        <translation>새 라이브러리 폴더</translation>
    </message>
    <message>
        <source>The built-in encoder describes colour, texture and shape. It needs no model file and is not FashionCLIP.</source>
        <translation>내장 인코더는 색상, 질감, 형태를 묘사합니다. 모델 파일이 필요 없으며 FashionCLIP이 아닙니다.</translation>
    </message>
    <message>
        <source>FashionCLIP image encoder from %1.</source>
        <translation>%1의 FashionCLIP 이미지 인코더.</translation>
    </message>
    <message>
        <source>Basic (colour, texture, shape; built in)</source>
        <translation>기본 (색상, 질감, 형태; 내장)</translation>
    </message>
    <message>
        <source>Install Model</source>
        <translation>모델 설치</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>Cannot install the model</source>
        <translation>모델을 설치할 수 없습니다</translation>
    </message>
    <message>
        <source>Download FashionCLIP</source>
        <translation>FashionCLIP 다운로드</translation>
    </message>
    <message>
        <source>Files come from the Hugging Face hub and are checked after download.</source>
        <translation>파일은 Hugging Face 허브에서 받으며 다운로드 후 검증합니다.</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>%1 다운로드 중…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Downloading a model</source>
        <translation>모델 다운로드 중</translation>
    </message>
    <message>
        <source>Download stopped</source>
        <translation>다운로드가 멈췄습니다</translation>
    </message>
    <message>
        <source>A retry resumes where it stopped.</source>
        <translation>다시 시도하면 멈춘 곳부터 이어받습니다.</translation>
    </message>
    <message>
        <source>Remove Model</source>
        <translation>모델 제거</translation>
    </message>
    <message>
        <source>Remove the model in %1?</source>
        <translation>%1의 모델을 제거할까요?</translation>
    </message>
    <message>
        <source>Cannot remove the model</source>
        <translation>모델을 제거할 수 없습니다</translation>
    </message>
    <message>
        <source>TorchScript image encoder from %1. Its file runs code in the studio: use only encoders you exported yourself.</source>
        <translation>%1의 TorchScript 이미지 인코더입니다. 이 파일은 스튜디오 안에서 코드를 실행하므로 직접 내보낸 인코더만 사용하세요.</translation>
    </message>
    <message>
        <source>Model Folder (config.json and model.safetensors, or a TorchScript encoder.pt)</source>
        <translation>모델 폴더 (config.json과 model.safetensors, 또는 TorchScript encoder.pt)</translation>
    </message>
    <message>
        <source>Install a TorchScript Encoder</source>
        <translation>TorchScript 인코더 설치</translation>
    </message>
    <message>
        <source>A TorchScript file contains code that runs with your rights when the encoder is loaded. Install it only if you exported it yourself or trust where it came from.</source>
        <translation>TorchScript 파일에는 인코더를 불러올 때 사용자 권한으로 실행되는 코드가 들어 있습니다. 직접 내보냈거나 출처를 신뢰할 때만 설치하세요.</translation>
    </message>
</context>
<context>
    <name>w2w::SimilarityMatrix</name>
    <message>
        <source>Nothing to compare yet</source>
        <translation>아직 비교할 것이 없습니다</translation>
    </message>
</context>
<context>
    <name>w2w::TagCommand</name>
    <message numerus="yes">
        <source>Tag %n entries &apos;%1&apos;</source>
        <translation>
            <numerusform>항목 %n개에 &apos;%1&apos; 태그 추가</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Untag %n entries &apos;%1&apos;</source>
        <translation>
            <numerusform>항목 %n개에서 &apos;%1&apos; 태그 제거</numerusform>
        </translation>
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
<context>
    <name>w2w::ThresholdChart</name>
    <message>
        <source>Accuracy vs threshold (epoch %1)</source>
        <translation>임계값별 정확도 (에폭 %1)</translation>
    </message>
    <message>
        <source>Accuracy vs threshold</source>
        <translation>임계값별 정확도</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>재현율</translation>
    </message>
    <message>
        <source>Loss threshold</source>
        <translation>손실 임계값</translation>
    </message>
    <message>
        <source>Best</source>
        <translation>최고</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%2에서 %1</translation>
    </message>
    <message>
        <source>Threshold on the outfit score</source>
        <translation>코디 점수 임계값</translation>
    </message>
    <message>
        <source>Shown after the first epoch</source>
        <translation>첫 에폭이 끝나면 표시됩니다</translation>
    </message>
</context>
<context>
    <name>w2w::TrainingController</name>
    <message>
        <source>No library is open: open or create one first (File menu).</source>
        <translation>열린 라이브러리가 없습니다: 먼저 라이브러리를 열거나 만드세요 (파일 메뉴).</translation>
    </message>
    <message>
        <source>A run is in progress: pause or cancel it first.</source>
        <translation>학습이 진행 중입니다: 먼저 일시 정지하거나 취소하세요.</translation>
    </message>
    <message>
        <source>The library is open read-only: training records its runs in it.</source>
        <translation>라이브러리가 읽기 전용으로 열려 있습니다: 학습 실행은 라이브러리에 기록됩니다.</translation>
    </message>
    <message>
        <source>Choose at least one source of outfits.</source>
        <translation>코디 출처를 하나 이상 고르세요.</translation>
    </message>
    <message>
        <source>Training needs at least %1 outfits (a top, a bottom and shoes each); the chosen sources have %2. Import outfit photos or compose outfits first.</source>
        <translation>학습에는 코디가 %1개 이상 필요합니다 (각각 상의, 하의, 신발). 고른 출처에는 %2개가 있습니다. 먼저 코디 사진을 가져오거나 코디를 구성하세요.</translation>
    </message>
    <message>
        <source>The run no longer exists in the library.</source>
        <translation>이 실행은 라이브러리에 더 이상 없습니다.</translation>
    </message>
    <message>
        <source>Only a paused or cancelled run with epochs left can be continued.</source>
        <translation>남은 에폭이 있는, 일시 정지되거나 취소된 실행만 이어서 학습할 수 있습니다.</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation>열린 라이브러리가 없습니다.</translation>
    </message>
    <message>
        <source>The run is in training: cancel it first.</source>
        <translation>이 실행은 학습 중입니다: 먼저 취소하세요.</translation>
    </message>
    <message>
        <source>The run was deleted, but its checkpoint folder %1 could not be removed completely.</source>
        <translation>실행은 삭제했지만 체크포인트 폴더 %1을(를) 완전히 지우지 못했습니다.</translation>
    </message>
    <message>
        <source>Loading the library&apos;s outfits…</source>
        <translation>라이브러리의 코디를 불러오는 중…</translation>
    </message>
    <message>
        <source>Encoding crops with the current encoder: %1 of %2</source>
        <translation>현재 인코더로 크롭 인코딩 중: %1 / %2</translation>
    </message>
    <message>
        <source>this run was trained on %1 embeddings, but the current encoder is %2; choose that encoder in the settings to continue it</source>
        <translation>이 실행은 %1 임베딩으로 학습했지만 현재 인코더는 %2입니다. 이어서 학습하려면 설정에서 그 인코더를 고르세요</translation>
    </message>
    <message>
        <source>Stopped before training began.</source>
        <translation>학습을 시작하기 전에 멈췄습니다.</translation>
    </message>
    <message>
        <source>Training needs at least %1 outfits whose top, bottom and shoes all have a crop; the library has %2.</source>
        <translation>학습에는 상의, 하의, 신발 크롭이 모두 있는 코디가 %1개 이상 필요합니다. 라이브러리에는 %2개가 있습니다.</translation>
    </message>
    <message>
        <source>epoch %1 of %2, loss %3</source>
        <translation>에폭 %1 / %2, 손실 %3</translation>
    </message>
    <message>
        <source>The run could not be recorded in the library: %1</source>
        <translation>실행을 라이브러리에 기록하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>w2w::TrainingForm</name>
    <message>
        <source>Training settings</source>
        <translation>학습 설정</translation>
    </message>
    <message>
        <source>Outfits to learn from</source>
        <translation>학습할 코디</translation>
    </message>
    <message>
        <source>&amp;Epochs:</source>
        <translation>에폭(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Learning rate:</source>
        <translation>학습률(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation>배치 크기(&amp;B):</translation>
    </message>
    <message>
        <source>&amp;Threshold:</source>
        <translation>임계값(&amp;T):</translation>
    </message>
    <message>
        <source>Tem&amp;perature:</source>
        <translation>온도(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Curriculum epochs:</source>
        <translation>커리큘럼 에폭(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Heads:</source>
        <translation>헤드(&amp;H):</translation>
    </message>
    <message>
        <source>E&amp;nsemble:</source>
        <translation>앙상블(&amp;N):</translation>
    </message>
    <message>
        <source>Early st&amp;op after:</source>
        <translation>조기 종료(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>시드(&amp;S):</translation>
    </message>
    <message>
        <source>Shared (one latent space)</source>
        <translation>공유 (하나의 잠재 공간)</translation>
    </message>
    <message>
        <source>One head per category</source>
        <translation>범주마다 헤드 하나</translation>
    </message>
    <message>
        <source>Separate space per pair</source>
        <translation>쌍마다 별도 공간</translation>
    </message>
    <message>
        <source>Passes over the training outfits</source>
        <translation>학습 코디 전체를 반복하는 횟수</translation>
    </message>
    <message>
        <source>Peak AdamW learning rate (warm-up, then cosine decay)</source>
        <translation>AdamW 최대 학습률 (워밍업 후 코사인 감소)</translation>
    </message>
    <message>
        <source>Outfits per step; each outfit&apos;s items are the others&apos; negatives</source>
        <translation>스텝당 코디 수. 각 코디의 아이템은 다른 코디의 음성 예시가 됩니다</translation>
    </message>
    <message>
        <source>Modified outfits: no loss above this pair similarity, a hinge below it</source>
        <translation>변형 코디: 쌍 유사도가 이 값 이상이면 손실이 없고, 미만이면 힌지 손실을 줍니다</translation>
    </message>
    <message>
        <source>Temperature of the contrastive (InfoNCE) outfit loss</source>
        <translation>대조(InfoNCE) 코디 손실의 온도</translation>
    </message>
    <message>
        <source>Learn from real outfits alone for this many epochs before adding the modified loss</source>
        <translation>변형 손실을 더하기 전에 이 에폭 수만큼 실제 코디만으로 학습합니다</translation>
    </message>
    <message>
        <source>Project every category with one head, or give each category its own</source>
        <translation>모든 범주를 헤드 하나로 투영하거나, 범주마다 헤드를 따로 둡니다</translation>
    </message>
    <message>
        <source>Heads trained side by side; an outfit&apos;s score is their mean</source>
        <translation>나란히 학습하는 헤드 수. 코디 점수는 그 평균입니다</translation>
    </message>
    <message>
        <source>Stop when the validation AUC has not improved for this many epochs</source>
        <translation>검증 AUC가 이 에폭 수 동안 나아지지 않으면 멈춥니다</translation>
    </message>
    <message>
        <source> epochs without progress</source>
        <translation> 에폭 동안 개선 없음</translation>
    </message>
    <message>
        <source>The same data, settings and seed give the same run</source>
        <translation>같은 데이터, 설정, 시드는 같은 결과를 냅니다</translation>
    </message>
    <message>
        <source>Outfit photos (each garment cropped)</source>
        <translation>코디 사진 (옷마다 크롭)</translation>
    </message>
    <message>
        <source>Outfits composed by people</source>
        <translation>사람이 구성한 코디</translation>
    </message>
    <message numerus="yes">
        <source>%n epoch(s) without progress</source>
        <translation>
            <numerusform>개선 없이 %n 에포크</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>w2w::TrainingView</name>
    <message>
        <source>Epoch %1 of %2, step %3 of %4, loss %5</source>
        <translation>에폭 %1 / %2, 스텝 %3 / %4, 손실 %5</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>학습 시작</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>&lt;b&gt;Runs in this library&lt;/b&gt;</source>
        <translation>&lt;b&gt;이 라이브러리의 학습 실행&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>이어서 학습</translation>
    </message>
    <message>
        <source>Train a paused or cancelled run on from its last checkpoint</source>
        <translation>일시 정지되거나 취소된 실행을 마지막 체크포인트부터 이어서 학습합니다</translation>
    </message>
    <message>
        <source>Use for recommendations</source>
        <translation>추천에 사용</translation>
    </message>
    <message>
        <source>Recommend with this run&apos;s best checkpoint</source>
        <translation>이 실행의 최고 체크포인트로 추천합니다</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Encoder:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;인코더:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation>열린 라이브러리가 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n outfit photo(s)</source>
        <translation>
            <numerusform>코디 사진 %n장</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n composed outfit(s)</source>
        <translation>
            <numerusform>, 구성한 코디 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>. Crops without an embedding are encoded first; 15% of the outfits validate.</source>
        <translation>. 임베딩이 없는 크롭은 먼저 인코딩하고, 코디의 15%는 검증에 씁니다.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>재개</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Pausing after the current step…</source>
        <translation>현재 스텝이 끝나면 일시 정지합니다…</translation>
    </message>
    <message>
        <source>Cancelling after the current step…</source>
        <translation>현재 스텝이 끝나면 취소합니다…</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>실행 %1</translation>
    </message>
    <message>
        <source>best validation AUC %1 at epoch %2</source>
        <translation>에폭 %2에서 최고 검증 AUC %1</translation>
    </message>
    <message>
        <source>no checkpoint yet</source>
        <translation>아직 체크포인트 없음</translation>
    </message>
    <message numerus="yes">
        <source>%1 finished %n epoch(s); %2.</source>
        <translation>
            <numerusform>%1 완료: 에폭 %n회, %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 stopped early after epoch %2, as the validation AUC no longer improved; %3.</source>
        <translation>%1은(는) 검증 AUC가 더 나아지지 않아 에폭 %2 후 조기 종료했습니다. %3.</translation>
    </message>
    <message>
        <source>%1 cannot continue: %2</source>
        <translation>%1을(를) 이어서 학습할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 is paused after epoch %2 of %3 (%4). Resume trains on from that checkpoint (Ctrl+P).</source>
        <translation>%1은(는) 에폭 %2 / %3 후 일시 정지되었습니다 (%4). 재개하면 그 체크포인트부터 이어서 학습합니다 (Ctrl+P).</translation>
    </message>
    <message>
        <source>%1 was cancelled after epoch %2 (%3); its checkpoint is kept.</source>
        <translation>%1은(는) 에폭 %2 후 취소되었습니다 (%3). 체크포인트는 유지됩니다.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 실패: %2</translation>
    </message>
    <message>
        <source>No such run in this library.</source>
        <translation>이 라이브러리에 그런 실행이 없습니다.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>폴더 %1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>Export the Run to a Folder</source>
        <translation>실행을 폴더로 내보내기</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s) to %1</source>
        <translation>
            <numerusform>파일 %n개를 %1에 내보냈습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Run</source>
        <translation>실행 삭제</translation>
    </message>
    <message>
        <source>Delete %1 and its checkpoint folder?
%2

This cannot be undone.</source>
        <translation>%1과(와) 체크포인트 폴더를 삭제할까요?
%2

되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Recommendations now use %1 (its best epoch).</source>
        <translation>이제 추천에 %1(최고 에폭)을 사용합니다.</translation>
    </message>
    <message>
        <source>Select a run to see its curves; Ctrl+click or Shift+click more runs to lay their curves over it; double-click to copy its settings into the form</source>
        <translation>실행을 선택하면 곡선이 보입니다. Ctrl+클릭이나 Shift+클릭으로 실행을 더 고르면 곡선이 겹쳐지고, 더블클릭하면 설정이 양식에 복사됩니다</translation>
    </message>
    <message>
        <source>Copy settings to the form</source>
        <translation>설정을 양식에 복사</translation>
    </message>
    <message>
        <source>Put this run&apos;s settings in the form on the left, to train a new run from them</source>
        <translation>이 실행의 설정을 왼쪽 양식에 넣어 새 실행을 학습합니다</translation>
    </message>
    <message>
        <source>Select a run to see the settings it was trained with.</source>
        <translation>실행을 선택하면 학습에 쓴 설정이 보입니다.</translation>
    </message>
    <message>
        <source>The settings of %1 cannot be read: %2</source>
        <translation>%1의 설정을 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>outfit photos</source>
        <translation>코디 사진</translation>
    </message>
    <message>
        <source>composed outfits</source>
        <translation>구성한 코디</translation>
    </message>
    <message>
        <source>%1 outfits (%2 to train, %3 to validate) from %4</source>
        <translation>%4에서 코디 %1개 (학습 %2개, 검증 %3개)</translation>
    </message>
    <message>
        <source> and </source>
        <translation>, </translation>
    </message>
    <message>
        <source>&lt;b&gt;Settings of %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1의 설정&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The form holds the settings of %1: Start training (Ctrl+Return) trains a new run with them.</source>
        <translation>양식에 %1의 설정이 들어갔습니다: 학습 시작(Ctrl+Return)으로 이 설정의 새 실행을 학습합니다.</translation>
    </message>
    <message>
        <source>Train a new model on the library&apos;s outfits</source>
        <translation>라이브러리의 코디로 새 모델을 학습합니다</translation>
    </message>
    <message>
        <source>Stop the run; the checkpoint of the last finished epoch is kept</source>
        <translation>실행을 멈춥니다. 마지막으로 끝난 에폭의 체크포인트는 유지됩니다</translation>
    </message>
    <message>
        <source>Save the run&apos;s charts (PNG), metrics (CSV) and record (JSON) to a folder</source>
        <translation>실행의 차트(PNG), 지표(CSV), 기록(JSON)을 폴더에 저장합니다</translation>
    </message>
    <message>
        <source>Delete the run and its checkpoint folder</source>
        <translation>실행과 체크포인트 폴더를 삭제합니다</translation>
    </message>
    <message>
        <source>Continue the paused run from its checkpoint</source>
        <translation>일시 정지한 실행을 체크포인트부터 이어갑니다</translation>
    </message>
    <message>
        <source>Stop after the current step, keeping the last checkpoint</source>
        <translation>현재 스텝이 끝나면 멈추고 마지막 체크포인트를 유지합니다</translation>
    </message>
</context>
<context>
    <name>w2w::TranslationManager</name>
    <message>
        <source>English</source>
        <comment>this language&apos;s own name</comment>
        <translation>한국어</translation>
    </message>
</context>
<context>
    <name>w2w::WardrobePanel</name>
    <message>
        <source>&lt;b&gt;Wardrobe&lt;/b&gt;</source>
        <translation>&lt;b&gt;옷장&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Every category</source>
        <translation>모든 종류</translation>
    </message>
    <message>
        <source>Search by name, tag or category</source>
        <translation>이름, 태그, 종류로 검색</translation>
    </message>
    <message>
        <source>Double-click a piece (or press Enter) to take it, or drag it onto a slot</source>
        <translation>아이템을 두 번 클릭하거나(또는 Enter) 칸으로 끌어 놓으세요</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>No pieces yet. Import outfit photos (File ▸ Import Photos, Ctrl+I): their tops, bottoms and shoes appear here.</source>
        <translation>아직 아이템이 없습니다. 코디 사진을 가져오면 (파일 ▸ 사진 가져오기, Ctrl+I) 상의, 하의, 신발이 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>Nothing matches “%1”.</source>
        <translation>“%1”에 맞는 항목이 없습니다.</translation>
    </message>
    <message>
        <source>No %1 pieces in the library.</source>
        <translation>라이브러리에 %1 아이템이 없습니다.</translation>
    </message>
    <message>
        <source>No pieces in the library.</source>
        <translation>라이브러리에 아이템이 없습니다.</translation>
    </message>
</context>
</TS>
